/**
 * Splits an IML string into literal text and `{{...}}` expression ranges. The scan knows about
 * quotes and backticks, so `{{ '}}' }}` is one expression holding the string `}}`.
 */
import { ImlSyntaxError } from '../errors.ts';

export type RawPart =
  | { type: 'text'; value: string; offset: number; length: number }
  /** `start`/`end` delimit the expression text inside the braces. */
  | { type: 'expr'; start: number; end: number; offset: number; length: number };

export function splitTemplate(source: string): RawPart[] {
  const parts: RawPart[] = [];
  let textStart = 0;
  let i = source.indexOf('{{');
  while (i >= 0) {
    const exprStart = i + 2;
    const close = findClose(source, exprStart);
    if (close.quoteAt >= 0)
      throw new ImlSyntaxError(
        source[close.quoteAt] === '`' ? 'S0103' : 'S0102',
        source[close.quoteAt] === '`' ? 'unterminated backtick name' : 'unterminated string literal',
        close.quoteAt,
        source.length - close.quoteAt,
        source,
      );
    if (close.at < 0) throw new ImlSyntaxError('S0101', "'{{' is never closed with '}}'", i, 2, source);
    if (i > textStart)
      parts.push({
        type: 'text',
        value: source.slice(textStart, i),
        offset: textStart,
        length: i - textStart,
      });
    parts.push({ type: 'expr', start: exprStart, end: close.at, offset: i, length: close.at + 2 - i });
    textStart = close.at + 2;
    i = source.indexOf('{{', textStart);
  }
  if (textStart < source.length)
    parts.push({
      type: 'text',
      value: source.slice(textStart),
      offset: textStart,
      length: source.length - textStart,
    });
  return parts;
}

/** Index of the `}}` that ends the expression starting at `from` (-1 if none), or where an open quote starts. */
function findClose(source: string, from: number): { at: number; quoteAt: number } {
  let quote = '';
  let quoteAt = -1;
  for (let j = from; j < source.length; j++) {
    const c = source[j];
    if (quote) {
      if (c === '\\' && quote !== '`') j++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"' || c === '`') {
      quote = c;
      quoteAt = j;
    } else if (c === '}' && source[j + 1] === '}') return { at: j, quoteAt: -1 };
  }
  return { at: -1, quoteAt: quote ? quoteAt : -1 };
}

/** True when the string holds at least one complete `{{...}}`. Never throws. */
export function hasIml(source: string): boolean {
  if (typeof source !== 'string') return false;
  const open = source.indexOf('{{');
  return open >= 0 && source.indexOf('}}', open + 2) >= 0;
}
