/**
 * Expected findings written into a case's JSONC text: `/*@messageId*\/` before a token means "a
 * finding with that message id at that token"; `/*@messageId"text"*\/` before a string literal
 * means "at `text` inside that literal".
 */
export interface Marker {
  line: number;
  column: number;
  messageId: string;
}

const MARKER = /\/\*@([A-Za-z]\w*)?(?:"((?:[^"\\]|\\.)*)")?\*\//g;

export function expectedPositions(text: string): Marker[] {
  const out: Marker[] = [];
  for (const m of text.matchAll(MARKER)) {
    if (m[1] === undefined) throw new Error(`marker ${m[0]} names no message id (write /*@messageId*/)`);
    let i = (m.index ?? 0) + m[0].length;
    while (/\s/.test(text[i] ?? '')) i++;
    if (m[2] !== undefined) {
      if (text[i] !== '"') throw new Error(`marker ${m[0]} is not followed by a string literal`);
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const at = text.slice(i + 1, end).indexOf(m[2]);
      if (at < 0) throw new Error(`marker text ${m[2]} not found in the following string`);
      i = i + 1 + at;
    }
    out.push({ ...positionOf(text, i), messageId: m[1] });
  }
  return out;
}

export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}
