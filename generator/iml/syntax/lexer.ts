/**
 * Turns the text between `{{` and `}}` into tokens with absolute offsets. Whitespace separates
 * tokens and is otherwise ignored, which is what makes the canonical printer spacing-insensitive.
 */
import { ImlSyntaxError } from '../errors.ts';
import type { SyntaxErrorCode } from './error-codes.ts';

export type TokenKind = 'number' | 'string' | 'ident' | 'quoted' | 'op' | 'punct' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Decoded value: the identifier, the string contents, the operator text. */
  value: string;
  offset: number;
  length: number;
  /** True when whitespace precedes the token (path steps must be adjacent). */
  spaced: boolean;
}

const OPERATORS = [
  '===',
  '!==',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '++',
  '=',
  '<',
  '>',
  '&',
  '|',
  '+',
  '-',
  '*',
  '/',
  '%',
  '!',
];
const PUNCT = '(),.[];';

const isDigit = (c: string) => c >= '0' && c <= '9';
const isIdentStart = (c: string) =>
  (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === '$';
const isIdentPart = (c: string) => isIdentStart(c) || isDigit(c);
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0';

/** Lexes `source.slice(start, end)`; offsets stay relative to the whole `source`. */
export function tokenize(source: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  let i = start;
  let spaced = false;
  const fail = (code: SyntaxErrorCode, msg: string, at: number, len = 1): never => {
    throw new ImlSyntaxError(code, msg, at, len, source);
  };
  while (i < end) {
    const c = source[i];
    if (isSpace(c)) {
      i++;
      spaced = true;
      continue;
    }
    const prev = tokens[tokens.length - 1];
    // After an adjacent `.`, a path segment may start with a digit (`a.1`) and may contain a dash
    // followed by a letter (`headers.retry-after`, as the docs write it). Unconfirmed; see tests.
    const afterDot = prev && prev.kind === 'punct' && prev.value === '.' && !spaced;
    if (afterDot && isIdentPart(c)) {
      let j = i;
      while (
        j < end &&
        (isIdentPart(source[j]) ||
          (source[j] === '-' && j + 1 < end && isIdentStart(source[j + 1]) && !isDigit(source[j + 1])))
      )
        j++;
      tokens.push({ kind: 'ident', value: source.slice(i, j), offset: i, length: j - i, spaced });
      i = j;
    } else if (isDigit(c)) {
      let j = i;
      while (j < end && isDigit(source[j])) j++;
      if (source[j] === '.' && isDigit(source[j + 1] ?? '')) {
        j++;
        while (j < end && isDigit(source[j])) j++;
      }
      if (
        (source[j] === 'e' || source[j] === 'E') &&
        (isDigit(source[j + 1] ?? '') ||
          ((source[j + 1] === '+' || source[j + 1] === '-') && isDigit(source[j + 2] ?? '')))
      ) {
        j += 2;
        while (j < end && isDigit(source[j])) j++;
      }
      if (j < end && isIdentStart(source[j]))
        fail('S0104', `invalid number '${source.slice(i, j + 1)}'`, i, j + 1 - i);
      tokens.push({ kind: 'number', value: source.slice(i, j), offset: i, length: j - i, spaced });
      i = j;
    } else if (isIdentStart(c)) {
      let j = i;
      while (j < end && isIdentPart(source[j])) j++;
      tokens.push({ kind: 'ident', value: source.slice(i, j), offset: i, length: j - i, spaced });
      i = j;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      let text = '';
      // Only the quote and the backslash itself are escapable; other backslashes stay literal so
      // regular expressions like '/\d+/g' survive unchanged.
      while (j < end && source[j] !== c) {
        if (source[j] === '\\' && (source[j + 1] === c || source[j + 1] === '\\')) {
          text += source[j + 1];
          j += 2;
        } else {
          text += source[j];
          j++;
        }
      }
      if (j >= end) fail('S0102', 'unterminated string literal', i, end - i);
      tokens.push({ kind: 'string', value: text, offset: i, length: j + 1 - i, spaced });
      i = j + 1;
    } else if (c === '`') {
      const close = source.indexOf('`', i + 1);
      if (close < 0 || close >= end) fail('S0103', 'unterminated backtick name', i, end - i);
      tokens.push({
        kind: 'quoted',
        value: source.slice(i + 1, close),
        offset: i,
        length: close + 1 - i,
        spaced,
      });
      i = close + 1;
    } else if (PUNCT.includes(c)) {
      tokens.push({ kind: 'punct', value: c, offset: i, length: 1, spaced });
      i++;
    } else {
      const op = OPERATORS.find((o) => source.startsWith(o, i) && i + o.length <= end);
      if (!op && c === '{')
        fail(
          'S0106',
          'IML has no object literals: build objects with parseJSON(), pick()/omit() or a custom function',
          i,
        );
      if (!op) fail('S0105', `unexpected character '${c}'`, i);
      tokens.push({ kind: 'op', value: op!, offset: i, length: op!.length, spaced });
      i += op!.length;
    }
    spaced = false;
  }
  tokens.push({ kind: 'eof', value: '', offset: end, length: 0, spaced });
  return tokens;
}
