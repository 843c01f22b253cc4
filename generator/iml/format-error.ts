/** Renders an IML error for people: the message, then the template line with a caret under the position. */
import type { ImlError } from './errors.ts';

/** Characters shown on each side of the error position. */
const CONTEXT = 60;

export function formatImlError(error: ImlError, source: string): string {
  const offset = Math.min(Math.max(error.offset, 0), source.length);
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  const lineEndRaw = source.indexOf('\n', offset);
  const lineEnd = lineEndRaw < 0 ? source.length : lineEndRaw;
  const lineNo = source.slice(0, lineStart).split('\n').length;
  const column = offset - lineStart;
  // A long line is cut to a window around the position, so a 10k-character template stays readable.
  const from = Math.max(lineStart, offset - CONTEXT);
  const to = Math.min(lineEnd, offset + CONTEXT);
  const before = from > lineStart ? '…' : '';
  const after = to < lineEnd ? '…' : '';
  const shown = `${before}${source.slice(from, to)}${after}`;
  const caretAt = before.length + offset - from;
  const width = Math.max(1, Math.min(error.length || 1, to - offset || 1));
  const where = lineNo > 1 ? `line ${lineNo}, column ${column + 1}` : `column ${column + 1}`;
  return `${error.name}: ${error.message} (${where})\n  ${shown}\n  ${' '.repeat(caretAt)}${'^'.repeat(width)}`;
}
