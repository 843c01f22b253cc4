/**
 * Finds the value (and property name) at a JSON pointer in STRICT JSON text without building a
 * syntax tree: sibling values off the path are skipped by bracket matching. Used for documents
 * that native JSON.parse accepted, where a diagnostic or two would otherwise cost a full tree of
 * the file (a 1,000-module makecomapp.json builds ~100k nodes for one position).
 *
 * Offsets and lengths are the ones jsonc-parser's tree gives for the same text: a string spans its
 * quotes, a container its brackets; a repeated key resolves to its last occurrence.
 */
export interface FoundSpan {
  /** Value start and length (the deepest value found when the pointer does not fully resolve). */
  offset: number;
  length: number;
  /** True when every segment resolved. */
  exact: boolean;
  /** Property name span when the value found is an object member. */
  keyOffset?: number;
  keyLength?: number;
}

const ARRAY_INDEX = /^(0|[1-9]\d*)$/;

export function locateInStrictJson(text: string, segments: readonly string[]): FoundSpan {
  let start = skipWs(text, 0);
  let end = valueEnd(text, start);
  let keyStart = -1;
  let keyEnd = -1;
  for (const seg of segments) {
    const c = text.charCodeAt(start);
    let found: [number, number, number, number] | undefined; // key start/end, value start/end
    if (c === 123 /* { */) {
      let i = skipWs(text, start + 1);
      while (text.charCodeAt(i) === 34 /* " */) {
        const ks = i;
        const ke = stringEnd(text, i);
        i = skipWs(text, skipWs(text, ke) + 1); // past the colon
        const vs = i;
        const ve = valueEnd(text, vs);
        if (keyName(text, ks, ke) === seg) found = [ks, ke, vs, ve]; // the last repeat wins
        i = skipWs(text, ve);
        if (text.charCodeAt(i) !== 44 /* , */) break;
        i = skipWs(text, i + 1);
      }
    } else if (c === 91 /* [ */ && ARRAY_INDEX.test(seg)) {
      const want = Number(seg);
      let i = skipWs(text, start + 1);
      for (let k = 0; text.charCodeAt(i) !== 93 /* ] */ && i < text.length; k++) {
        const ve = valueEnd(text, i);
        if (k === want) {
          found = [-1, -1, i, ve];
          break;
        }
        i = skipWs(text, ve);
        if (text.charCodeAt(i) !== 44) break;
        i = skipWs(text, i + 1);
      }
    }
    if (!found) return span(start, end, false, keyStart, keyEnd);
    [keyStart, keyEnd, start, end] = found;
  }
  return span(start, end, true, keyStart, keyEnd);
}

function span(start: number, end: number, exact: boolean, ks: number, ke: number): FoundSpan {
  const out: FoundSpan = { offset: start, length: end - start, exact };
  if (ks >= 0) {
    out.keyOffset = ks;
    out.keyLength = ke - ks;
  }
  return out;
}

function skipWs(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else return i;
  }
}

/** Offset just after the string whose opening quote is at `i`. */
function stringEnd(text: string, i: number): number {
  let j = text.indexOf('"', i + 1);
  while (j > 0) {
    let b = 0;
    while (text.charCodeAt(j - 1 - b) === 92 /* \ */) b++;
    if (b % 2 === 0) return j + 1;
    j = text.indexOf('"', j + 1);
  }
  return text.length;
}

/** Offset just after the value starting at `i`. */
function valueEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 34) return stringEnd(text, i);
  if (c === 123 || c === 91) {
    let depth = 0;
    for (let k = i; k < text.length; k++) {
      const d = text.charCodeAt(k);
      if (d === 34) k = stringEnd(text, k) - 1;
      else if (d === 123 || d === 91) depth++;
      else if (d === 125 || d === 93) {
        depth--;
        if (depth === 0) return k + 1;
      }
    }
    return text.length;
  }
  let k = i;
  for (; k < text.length; k++) {
    const d = text.charCodeAt(k);
    if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) break;
  }
  return k;
}

function keyName(text: string, ks: number, ke: number): string {
  const raw = text.slice(ks + 1, ke - 1);
  return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
}
