/** The binary and unary operators of §10.3 as plain functions over values. */
import type { BinaryOp } from '../syntax/ast.ts';
import { decimalOp } from './decimal.ts';
import { compare, equals, isStringLike, primitive, toNumber, toText } from './values.ts';

const isNumeric = (v: unknown): v is number | boolean => typeof v === 'number' || typeof v === 'boolean';

/**
 * `+` (a third-party summary of Make's runtime): one side null/undefined → the other; both → null; numbers (and booleans) add
 * exactly; anything else concatenates with Make's stringification (dates as ISO text).
 */
function plus(a: unknown, b: unknown): unknown {
  if (a === null || a === undefined)
    return b === null || b === undefined ? (a === null || b === null ? null : undefined) : b;
  if (b === null || b === undefined) return a;
  if (isNumeric(a) && isNumeric(b)) return decimalOp('+', Number(a), Number(b));
  if (isStringLike(a) || isStringLike(b)) return toText(a) + toText(b);
  return toText(a) + toText(b);
}

function arithmetic(op: '++' | '-' | '*' | '/' | '%', a: unknown, b: unknown): number {
  return decimalOp(op === '++' ? '+' : op, toNumber(a ?? 0), toNumber(b ?? 0));
}

/** Eager binary operators (`&` and `|` short-circuit and are compiled separately). */
export function binary(op: Exclude<BinaryOp, '&' | '|'>, a: unknown, b: unknown, strict: boolean): unknown {
  switch (op) {
    case '+':
      return plus(a, b);
    case '=':
      return equals(a, b, strict);
    case '!=':
      return !equals(a, b, strict);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compare(op, a, b);
    default:
      return arithmetic(op, a, b);
  }
}

export function negate(v: unknown): number {
  const n = toNumber(primitive(v) ?? 0);
  return n === 0 ? 0 : -n;
}
