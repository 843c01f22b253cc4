/**
 * Path steps with Make's rules: only own properties (so `constructor`/`__proto__` read nothing),
 * arrays 1-based (`[1]` first, `[-1]` last, `[]` first, `[0]` undefined), numeric name steps on
 * arrays (`a.2`, ``a.`2` ``, `get(a, '2')`) also 1-based, missing steps yield undefined.
 */
import { primitive } from './values.ts';

const INTEGER = /^-?\d+$/;

/** One step; `key === null` is the empty bracket `[]`. */
export function step(target: unknown, key: unknown): unknown {
  if (target === null || typeof target !== 'object') return undefined;
  key = primitive(key);
  if (Array.isArray(target)) {
    if (key === null || key === undefined) return target[0];
    const n =
      typeof key === 'number' ? key : typeof key === 'string' && INTEGER.test(key) ? Number(key) : Number.NaN;
    if (Number.isInteger(n)) {
      if (n > 0) return target[n - 1];
      if (n < 0) return target[target.length + n];
      return undefined;
    }
    return typeof key === 'string' && Object.hasOwn(target, key)
      ? (target as unknown as Record<string, unknown>)[key]
      : undefined;
  }
  if (target instanceof Date || target instanceof Uint8Array) return undefined;
  if (key === null || key === undefined) return undefined;
  const name = String(key);
  return Object.hasOwn(target, name) ? (target as Record<string, unknown>)[name] : undefined;
}

/** `get(object, 'a.b.2')`: a dot path given as text (or a number: one index). */
export function getPath(target: unknown, path: unknown): unknown {
  path = primitive(path);
  if (typeof path === 'number') return step(target, path);
  if (typeof path !== 'string') return undefined;
  let value = target;
  for (const part of path.split('.')) {
    value = step(value, part);
    if (value === undefined) return undefined;
  }
  return value;
}
