/**
 * Value helpers shared by operators and functions: type tests, JS truthiness, Make's emptiness,
 * Make's stringification for text templates, and equality in the two configurable modes.
 */

/** `emptystring`: a String object `''`, distinct from the primitive `""` that counts as empty. */
export const EMPTY_STRING: string = Object.freeze(new String('')) as unknown as string;

export const isDate = (v: unknown): v is Date => v instanceof Date;
export const isBuffer = (v: unknown): v is Uint8Array => v instanceof Uint8Array;
export const isStringLike = (v: unknown): v is string | string =>
  typeof v === 'string' || v instanceof String;

/** Unwraps `emptystring` (and any String object) into a primitive. */
export function primitive(v: unknown): unknown {
  return v instanceof String ? v.valueOf() : v;
}

/**
 * What JavaScript's own conversion makes of a data object in `==`, `<` or `Number()`
 * (`[object Object]`, an array's items joined by commas), computed without calling the object's
 * `toString`/`valueOf`: data from an API or an app may carry such keys as plain values.
 */
function defaultPrimitive(v: unknown, depth = 0): unknown {
  if (v === null || typeof v !== 'object' || v instanceof Date || v instanceof String) return primitive(v);
  if (Array.isArray(v))
    return depth > 32
      ? ''
      : v.map((x) => (x === null || x === undefined ? '' : String(defaultPrimitive(x, depth + 1)))).join(',');
  if (v instanceof Uint8Array) return Array.prototype.join.call(v, ',');
  return '[object Object]';
}

/** JavaScript truthiness, as Make's conditions use (Make's developer docs). */
export function truthy(v: unknown): boolean {
  return Boolean(v);
}

/** `ifempty` emptiness: undefined, null and the primitive `""` only; `[]` is not empty (a third-party summary of Make's runtime). */
export function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

/**
 * Text of a value inside a mixed template: numbers as JS prints them, booleans `true`/`false`,
 * dates ISO 8601 UTC with milliseconds, null/undefined empty, arrays comma-joined, objects as JSON
 * (help-center coercion; a third-party runtime summary's `{object}` is unconfirmed), buffers decoded as UTF-8.
 */
export function toText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof String) return v.valueOf();
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString('utf8');
  if (Array.isArray(v)) return v.map(toText).join(',');
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return '';
  }
}

/** Parses a date-like string for comparisons with Dates; NaN when it is not a date. */
function dateTime(v: unknown): number {
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) return Date.parse(v);
  return Number.NaN;
}

/**
 * `=` and `!=`. Loose (default) behaves like JS `==`, strict like `===` (the sources disagree,
 * §10.4). In both modes two Dates compare by time, and a Date compared with an ISO string compares
 * as dates — JS would compare object identity, which no template author means.
 */
export function equals(a: unknown, b: unknown, strict: boolean): boolean {
  a = primitive(a);
  b = primitive(b);
  // loose `==` converts an object compared with a primitive; two objects compare by identity
  if (!strict && (a === null || typeof a !== 'object') !== (b === null || typeof b !== 'object')) {
    a = defaultPrimitive(a);
    b = defaultPrimitive(b);
  }
  if (a instanceof Date || b instanceof Date) {
    if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
    if (strict) return false;
    const ta = dateTime(a);
    const tb = dateTime(b);
    if (!Number.isNaN(ta) && !Number.isNaN(tb)) return ta === tb;
    // biome-ignore lint/suspicious/noDoubleEquals: loose mode is JS `==` on purpose.
    return a == b;
  }
  // biome-ignore lint/suspicious/noDoubleEquals: loose mode is JS `==` on purpose.
  return strict ? a === b : a == b;
}

/**
 * `<`, `<=`, `>`, `>=`. Dates compare by time, also against ISO strings: the documented OAuth
 * guard `data.expires < addMinutes(now, 15)` reads `expires` back as stored text.
 */
export function compare(op: '<' | '<=' | '>' | '>=', a: unknown, b: unknown): boolean {
  a = defaultPrimitive(a);
  b = defaultPrimitive(b);
  if (a instanceof Date || b instanceof Date) {
    const ta = dateTime(a);
    const tb = dateTime(b);
    if (!Number.isNaN(ta) && !Number.isNaN(tb)) {
      a = ta;
      b = tb;
    } else {
      a = a instanceof Date ? a.getTime() : a;
      b = b instanceof Date ? b.getTime() : b;
    }
  }
  const x = a as number;
  const y = b as number;
  switch (op) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    default:
      return x >= y;
  }
}

/** Number(x) with Make's leniency for text; NaN when not numeric. */
export function toNumber(v: unknown): number {
  v = primitive(v);
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() === '' ? Number.NaN : Number(v);
  if (v instanceof Date) return v.getTime();
  return Number(defaultPrimitive(v));
}

/** A JSON-friendly description of a value's type, for error messages. */
export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Date) return 'date';
  if (v instanceof Uint8Array) return 'buffer';
  if (v instanceof String) return 'string';
  return typeof v === 'object' ? 'object' : typeof v;
}

/** Assigns an own property even for keys like `__proto__` (plain assignment would set the prototype). */
export { setOwn } from '../../model/own.ts';
