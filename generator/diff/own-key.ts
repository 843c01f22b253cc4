/**
 * Sets an own property even for keys like `__proto__` (a student's JSON may hold any key; plain
 * assignment would change the object's prototype instead).
 */
export function setKey(o: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/** An own value of a lookup table (never `constructor`, `toString`... from the prototype). */
export function ownValue<T>(table: Record<string, T>, k: string): T | undefined {
  return Object.hasOwn(table, k) ? table[k] : undefined;
}
