/**
 * How Make joins a module's `url` to the base's `baseUrl`: a relative URL gets exactly one `/`
 * between the two, an absolute URL is kept, and a doubled `/` in the path collapses. The
 * simulator joins evaluated URLs; the differ joins unevaluated templates, so slashes inside
 * `{{ }}` (an IML string such as `"a//b"`) are left as written.
 */
export function joinUrl(baseUrl: unknown, url: string): string {
  const absolute = /^https?:\/\//i.test(url);
  let full = url;
  if (!absolute && typeof baseUrl === 'string' && baseUrl !== '')
    full = `${baseUrl.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
  const m = /^(https?:\/\/[^/?#]*)([^?#]*)(.*)$/i.exec(full);
  if (!m) return full;
  return `${m[1]}${collapseSlashes(m[2])}${m[3]}`;
}

/** `a//b` → `a/b`, outside IML expressions only. One pass: a hostile template cannot make it slow. */
function collapseSlashes(path: string): string {
  if (!path.includes('{{')) return path.replace(/\/{2,}/g, '/');
  let out = '';
  let from = 0;
  while (from < path.length) {
    const open = path.indexOf('{{', from);
    const close = open < 0 ? -1 : path.indexOf('}}', open + 2);
    if (close < 0) {
      // no complete expression follows: the rest is plain text
      out += path.slice(from).replace(/\/{2,}/g, '/');
      break;
    }
    out += path.slice(from, open).replace(/\/{2,}/g, '/') + path.slice(open, close + 2);
    from = close + 2;
  }
  return out;
}
