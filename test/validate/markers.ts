/**
 * Expected positions written into a case's JSONC text: `/*@*\/` before a token means "a finding at
 * that token"; `/*@"text"*\/` before a string literal means "at `text` inside that literal".
 */
export interface Marker {
  line: number;
  column: number;
}

const MARKER = /\/\*@(?:"((?:[^"\\]|\\.)*)")?\*\//g;

export function expectedPositions(text: string): Marker[] {
  const out: Marker[] = [];
  for (const m of text.matchAll(MARKER)) {
    let i = (m.index ?? 0) + m[0].length;
    while (/\s/.test(text[i] ?? '')) i++;
    if (m[1] !== undefined) {
      if (text[i] !== '"') throw new Error(`marker ${m[0]} is not followed by a string literal`);
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const at = text.slice(i + 1, end).indexOf(m[1]);
      if (at < 0) throw new Error(`marker text ${m[1]} not found in the following string`);
      i = i + 1 + at;
    }
    out.push(positionOf(text, i));
  }
  return out;
}

export function positionOf(text: string, offset: number): Marker {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}
