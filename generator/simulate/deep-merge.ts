import { getOwn, isPlainObject, setOwn } from '../model/index.ts';

/**
 * lodash-style deep merge used for `temp` and `data` (arrays merge index by index; evidence side
 * finding). Like lodash, keys are merged as own data only: a `__proto__`, `constructor` or
 * `prototype` key from an app, an API body or a custom function is kept as a plain key and never
 * followed into a prototype.
 */
export function deepMerge(target: Record<string, unknown>, source: unknown): Record<string, unknown> {
  if (!isPlainObject(source)) return target;
  for (const [k, v] of Object.entries(source)) {
    const cur = getOwn(target, k);
    if (isPlainObject(v) && isPlainObject(cur)) deepMerge(cur, v);
    else if (Array.isArray(v) && Array.isArray(cur)) {
      v.forEach((x, i) => {
        if (isPlainObject(x) && isPlainObject(cur[i])) deepMerge(cur[i] as Record<string, unknown>, x);
        else if (x !== undefined) cur[i] = x;
      });
    } else if (v !== undefined) setOwn(target, k, v);
  }
  return target;
}
