/**
 * Own-property access for objects built from untrusted data (app files, API bodies, custom-function
 * results, HAR files). A key like `__proto__` must stay plain data: assigning it with `o[k] = v`
 * changes the object's prototype, and reading `o[k]` without an own check hands out
 * `Object.prototype` (or `Object` for `constructor`), which a merge would then write into — the
 * way one app could pollute the whole process.
 */

/** Keys that reach a prototype when read or written without an own check. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isPrototypeKey(key: string): boolean {
  return PROTOTYPE_KEYS.has(key);
}

/** The object's own value at `key`; never an inherited one (`constructor`, `toString`, `__proto__`). */
export function getOwn(target: object, key: string): unknown {
  return Object.hasOwn(target, key) ? (target as Record<string, unknown>)[key] : undefined;
}

/** Sets an own data property, also for `__proto__` (which plain assignment would treat as the prototype). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** `Object.assign` with own data properties only (no setter is ever called). */
export function assignOwn(target: Record<string, unknown>, source: unknown): Record<string, unknown> {
  if (source === null || typeof source !== 'object') return target;
  for (const [k, v] of Object.entries(source)) setOwn(target, k, v);
  return target;
}
