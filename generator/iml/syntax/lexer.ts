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
  while (i < end) {
    if (isSpace(source[i])) {
      i++;
      spaced = true;
      continue;
    }
    const prev = tokens[tokens.length - 1];
    const afterDot = prev !== undefined && prev.kind === 'punct' && prev.value === '.' && !spaced;
    const token = scanToken(source, i, end, spaced, afterDot);
    tokens.push(token);
    // every token ends where the next scan starts (a string's closing quote is part of its length)
    i = token.offset + token.length;
    spaced = false;
  }
  tokens.push({ kind: 'eof', value: '', offset: end, length: 0, spaced });
  return tokens;
}

/** The one token starting at `i`, chosen by its first character. */
function scanToken(source: string, i: number, end: number, spaced: boolean, afterDot: boolean): Token {
  const c = source[i];
  if (afterDot && isIdentPart(c)) return scanPathSegment(source, i, end, spaced);
  if (isDigit(c)) return scanNumber(source, i, end, spaced);
  if (isIdentStart(c)) {
    const j = identEnd(source, i, end);
    return { kind: 'ident', value: source.slice(i, j), offset: i, length: j - i, spaced };
  }
  if (c === "'" || c === '"') return scanString(source, i, end, spaced);
  if (c === '`') return scanBacktickName(source, i, end, spaced);
  if (PUNCT.includes(c)) return { kind: 'punct', value: c, offset: i, length: 1, spaced };
  return scanOperator(source, i, end, spaced);
}

function identEnd(source: string, i: number, end: number): number {
  let j = i;
  while (j < end && isIdentPart(source[j])) j++;
  return j;
}

/**
 * After an adjacent `.`, a path segment may start with a digit (`a.1`) and may contain a dash
 * followed by a letter (`headers.retry-after`, as the docs write it). Unconfirmed; see tests.
 */
function scanPathSegment(source: string, i: number, end: number, spaced: boolean): Token {
  let j = i;
  while (
    j < end &&
    (isIdentPart(source[j]) ||
      (source[j] === '-' && j + 1 < end && isIdentStart(source[j + 1]) && !isDigit(source[j + 1])))
  )
    j++;
  return { kind: 'ident', value: source.slice(i, j), offset: i, length: j - i, spaced };
}

/** Digits, an optional fraction and exponent; a letter right after the number is an error. */
function scanNumber(source: string, i: number, end: number, spaced: boolean): Token {
  let j = digitsEnd(source, i, end);
  if (source[j] === '.' && isDigit(source[j + 1] ?? '')) j = digitsEnd(source, j + 1, end);
  if (
    (source[j] === 'e' || source[j] === 'E') &&
    (isDigit(source[j + 1] ?? '') ||
      ((source[j + 1] === '+' || source[j + 1] === '-') && isDigit(source[j + 2] ?? '')))
  )
    j = digitsEnd(source, j + 2, end);
  if (j < end && isIdentStart(source[j]))
    fail(source, 'S0104', `invalid number '${source.slice(i, j + 1)}'`, i, j + 1 - i);
  return { kind: 'number', value: source.slice(i, j), offset: i, length: j - i, spaced };
}

function digitsEnd(source: string, i: number, end: number): number {
  let j = i;
  while (j < end && isDigit(source[j])) j++;
  return j;
}

/**
 * A quoted string. Only the quote and the backslash itself are escapable; other backslashes stay
 * literal so regular expressions like '/\d+/g' survive unchanged.
 */
function scanString(source: string, i: number, end: number, spaced: boolean): Token {
  const quote = source[i];
  let j = i + 1;
  let text = '';
  while (j < end && source[j] !== quote) {
    if (source[j] === '\\' && (source[j + 1] === quote || source[j + 1] === '\\')) {
      text += source[j + 1];
      j += 2;
    } else {
      text += source[j];
      j++;
    }
  }
  if (j >= end) fail(source, 'S0102', 'unterminated string literal', i, end - i);
  return { kind: 'string', value: text, offset: i, length: j + 1 - i, spaced };
}

/** A `backtick-quoted` name: everything up to the next backtick, no escapes. */
function scanBacktickName(source: string, i: number, end: number, spaced: boolean): Token {
  const close = source.indexOf('`', i + 1);
  if (close < 0 || close >= end) fail(source, 'S0103', 'unterminated backtick name', i, end - i);
  return { kind: 'quoted', value: source.slice(i + 1, close), offset: i, length: close + 1 - i, spaced };
}

/** The longest operator at `i` (OPERATORS lists longer ones first), or a syntax error. */
function scanOperator(source: string, i: number, end: number, spaced: boolean): Token {
  const op = OPERATORS.find((o) => source.startsWith(o, i) && i + o.length <= end);
  if (!op && source[i] === '{')
    fail(
      source,
      'S0106',
      'IML has no object literals: build objects with parseJSON(), pick()/omit() or a custom function',
      i,
    );
  if (!op) fail(source, 'S0105', `unexpected character '${source[i]}'`, i);
  return { kind: 'op', value: op!, offset: i, length: op!.length, spaced };
}

function fail(source: string, code: SyntaxErrorCode, msg: string, at: number, len = 1): never {
  throw new ImlSyntaxError(code, msg, at, len, source);
}
