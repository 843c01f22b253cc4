/**
 * Results of a pure function of a parsed JSON value, kept as long as the value lives. The loader's
 * document cache hands an unchanged file the very same parsed value on every load, so a second
 * lint of an app whose files mostly did not change finds their results here. Values are never
 * mutated after parsing, which is what makes identity a safe key. Primitive values (a text code)
 * are computed every time: they are cheap and cannot key a WeakMap.
 */
export function memoByValue<T>(): (value: unknown, key: string, compute: () => T) => T {
  const memo = new WeakMap<object, Map<string, T>>();
  return (value, key, compute) => {
    if (typeof value !== 'object' || value === null) return compute();
    let byKey = memo.get(value);
    if (!byKey) {
      byKey = new Map();
      memo.set(value, byKey);
    }
    let result = byKey.get(key);
    if (result === undefined) {
      result = compute();
      byKey.set(key, result);
    }
    return result;
  };
}
