/**
 * How Make joins a module's `url` to the base's `baseUrl`: a relative URL gets exactly one `/`
 * between the two, an absolute URL is kept, and a doubled `/` in the path collapses. The
 * simulator joins evaluated URLs; the differ joins unevaluated templates, so slashes inside
 * `{{ }}` (an IML string such as `"a//b"`) are left as written.
 */
import { mapTemplate } from './template-spans.ts';

export function joinUrl(baseUrl: unknown, url: string): string {
  const absolute = /^https?:\/\//i.test(url);
  let full = url;
  if (!absolute && typeof baseUrl === 'string' && baseUrl !== '')
    full = `${baseUrl.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
  const m = /^(https?:\/\/[^/?#]*)([^?#]*)(.*)$/i.exec(full);
  if (!m) return full;
  return `${m[1]}${collapseSlashes(m[2])}${m[3]}`;
}

/** `a//b` → `a/b`, outside IML expressions only. */
function collapseSlashes(path: string): string {
  const collapse = (t: string) => t.replace(/\/{2,}/g, '/');
  return path.includes('{{') ? mapTemplate(path, collapse, (e) => e) : collapse(path);
}
