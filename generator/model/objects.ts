/** Shape tests for JSON-like values, shared by every stage. */

/** A non-null, non-array object: what a JSON object parses to (dates and buffers included). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An object holding keys as data: not an array, a date, a buffer or a boxed string. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return isObject(v) && !(v instanceof Date) && !(v instanceof Uint8Array) && !(v instanceof String);
}
