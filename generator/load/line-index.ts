/**
 * Offset → 1-based line/column for one text. Columns count UTF-16 code units (what editors and
 * SARIF's default `utf16CodeUnits` use). Line breaks: `\r\n`, `\n` and a lone `\r`.
 */
export interface LineIndex {
  position(offset: number): { line: number; column: number };
}

export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  if (!text.includes('\r')) {
    // \n only (the usual case): let the native search find them
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return lookup(text, starts);
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (ch === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return lookup(text, starts);
}

function lookup(text: string, starts: number[]): LineIndex {
  return {
    position(offset: number) {
      const o = Math.max(0, Math.min(offset, text.length));
      // Binary search for the last line start <= o.
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= o) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: o - starts[lo] + 1 };
    },
  };
}
