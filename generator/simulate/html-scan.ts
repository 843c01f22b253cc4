/**
 * Finding elements in a page the server under test sent (its consent form), with `indexOf` only:
 * a hostile page that opens tags it never closes is read in one pass, where a regular expression
 * such as `<form[^>]*>[\s\S]*?</form>` would rescan it from every `<`.
 */

/** ASCII-only lower case: the same length as the text, so offsets in one are offsets in the other. */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

export interface Element {
  /** The start tag, `<label for="x">`. */
  tag: string;
  /** Where the start tag begins, and where its content begins and ends. */
  start: number;
  innerStart: number;
  innerEnd: number;
}

/** The next `<name` tag at or after `from` (not a longer name such as `<labels`), or -1. */
function openAt(lower: string, name: string, from: number): number {
  let at = lower.indexOf(`<${name}`, from);
  while (at >= 0 && /[a-z0-9-]/.test(lower[at + name.length + 1] ?? ''))
    at = lower.indexOf(`<${name}`, at + 1);
  return at;
}

/** Each `<name …>…</name>` in order; the first end tag closes it. Stops where none can close. */
export function* elements(html: string, lower: string, name: string): Generator<Element> {
  let from = 0;
  for (;;) {
    const start = openAt(lower, name, from);
    if (start < 0) return;
    const gt = html.indexOf('>', start);
    const close = gt < 0 ? -1 : lower.indexOf(`</${name}`, gt);
    const end = close < 0 ? -1 : html.indexOf('>', close);
    if (end < 0) return; // nothing after this point closes: no later element can either
    yield { tag: html.slice(start, gt + 1), start, innerStart: gt + 1, innerEnd: close };
    from = end + 1;
  }
}

/** Each start tag `<name …>` of an element without content (`input`), with where it begins. */
export function* startTags(
  html: string,
  lower: string,
  name: string,
): Generator<{ tag: string; start: number }> {
  let from = 0;
  for (;;) {
    const start = openAt(lower, name, from);
    if (start < 0) return;
    const gt = html.indexOf('>', start);
    if (gt < 0) return;
    yield { tag: html.slice(start, gt + 1), start };
    from = gt + 1;
  }
}

/** The text between tags (each tag becomes a space); a `<` never closed is kept as text. */
export function stripTags(html: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const lt = html.indexOf('<', from);
    const gt = lt < 0 ? -1 : html.indexOf('>', lt);
    if (gt < 0) return out + html.slice(from);
    out += `${html.slice(from, lt)} `;
    from = gt + 1;
  }
}
