const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopbackUrl(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
}

/**
 * Why a URL the server will send data to (a webhook, an OAuth2 redirect carrying a code) is not
 * acceptable, or null: it must be absolute and use https, or plain http on a loopback host.
 * Schemes such as `javascript:` or `data:` would run or embed the code in the user's browser.
 */
export function httpsOrLoopbackProblem(field: string, raw: unknown): string | null {
  if (typeof raw !== 'string' || raw === '') return `${field} is required and must be a string`;
  if (raw.length > 2048) return `${field} is longer than 2048 characters`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `${field} "${raw.slice(0, 100)}" is not an absolute URL`;
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopbackUrl(url)) return null;
  return `${field} must use https (plain http is accepted only for loopback hosts), not "${url.protocol}"`;
}
