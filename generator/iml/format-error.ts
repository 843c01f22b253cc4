/** Renders an IML error for people: the message, then the template line with a caret under the position. */
import { ImlError } from './errors.ts';

export function formatImlError(error: ImlError, source: string): string {
  const offset = Math.min(Math.max(error.offset, 0), source.length);
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  const lineEndRaw = source.indexOf('\n', offset);
  const lineEnd = lineEndRaw < 0 ? source.length : lineEndRaw;
  const line = source.slice(lineStart, lineEnd);
  const lineNo = source.slice(0, lineStart).split('\n').length;
  const column = offset - lineStart;
  const width = Math.max(1, Math.min(error.length || 1, lineEnd - offset || 1));
  const where = lineNo > 1 ? `line ${lineNo}, column ${column + 1}` : `column ${column + 1}`;
  return `${error.name}: ${error.message} (${where})\n  ${line}\n  ${' '.repeat(column)}${'^'.repeat(width)}`;
}

export function isImlError(e: unknown): e is ImlError {
  return e instanceof ImlError;
}
