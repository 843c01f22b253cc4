/**
 * Joins a relative URL to `baseUrl` with exactly one `/` between them; absolute URLs are kept.
 * Repeated slashes inside the path collapse (Make removes a doubled `/`).
 */
export function joinUrl(baseUrl: unknown, url: string): string {
  const absolute = /^https?:\/\//i.test(url);
  let full = url;
  if (!absolute && typeof baseUrl === 'string' && baseUrl !== '')
    full = `${baseUrl.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
  const m = /^(https?:\/\/[^/?#]*)([^?#]*)(.*)$/i.exec(full);
  if (!m) return full;
  return `${m[1]}${m[2].replace(/\/{2,}/g, '/')}${m[3]}`;
}
