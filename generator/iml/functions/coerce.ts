/** Argument coercions shared by the function library; failures become typed evaluation errors. */
import { ImlEvalError } from '../errors.ts';
import { primitive, toNumber, toText, typeName } from '../runtime/values.ts';

export function text(v: unknown): string {
  return toText(v);
}

/** A number argument; numeric text is accepted, anything else is an error naming the function. */
export function num(v: unknown, what: string): number {
  const n = toNumber(v);
  if (Number.isNaN(n)) throw new ImlEvalError(`${what} must be a number, got ${typeName(v)}`);
  return n;
}

export function int(v: unknown, what: string): number {
  return Math.trunc(num(v, what));
}

export function optionalInt(v: unknown, what: string, fallback: number): number {
  return v === undefined || v === null || v === '' ? fallback : int(v, what);
}

/**
 * Array arguments follow Make's documented coercion to array (Make's help center, type coercion): arrays as they
 * are, null/undefined as empty, any other value wrapped as a one-item array. Unconfirmed inside IML.
 */
export function array(v: unknown, _what: string): unknown[] {
  if (Array.isArray(v)) return v;
  if (v === null || v === undefined) return [];
  return [v];
}

export function bool(v: unknown): boolean {
  v = primitive(v);
  return v === 'false' ? false : Boolean(v);
}

/** Values of the numeric aggregate functions: one array argument or several values; non-numbers skipped. */
export function numbers(args: unknown[]): number[] {
  const values =
    args.length === 1 && Array.isArray(args[0]) ? args[0] : args.flatMap((a) => (Array.isArray(a) ? a : [a]));
  const out: number[] = [];
  for (const v of values) {
    const p = primitive(v);
    if (typeof p === 'number' && !Number.isNaN(p)) out.push(p);
    else if (typeof p === 'string' && p.trim() !== '' && !Number.isNaN(Number(p))) out.push(Number(p));
  }
  return out;
}
