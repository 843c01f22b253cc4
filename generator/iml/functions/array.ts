/** Array functions (§11.5). They never mutate their input; each returns a new array. */
import { isPlainObject } from '../../model/index.ts';
import { ImlEvalError } from '../errors.ts';
import { getPath } from '../runtime/path.ts';
import { primitive, setOwn, toText, typeName } from '../runtime/values.ts';
import { distinctKey, shuffle, sortArray, sortOrderAndKey } from './array-support.ts';
import { array, int, optionalInt } from './coerce.ts';
import { type BuiltinFunction, fn } from './define.ts';

const isPrimitive = (v: unknown) => v === null || typeof primitive(v) !== 'object';

export const ARRAY_FUNCTIONS: BuiltinFunction[] = [
  fn('array', 'first', '(array: array): any', 'the first item', ([a]) => a[0]),
  fn('array', 'last', '(array: array): any', 'the last item', ([a]) => {
    const items = a;
    return items[items.length - 1];
  }),
  fn(
    'array',
    'add',
    '(array: array, ...values?: any): array',
    'a new array with the values appended',
    ([a, ...v]) => [...a, ...v],
  ),
  fn(
    'array',
    'remove',
    '(array: array, ...values?: any): array',
    'a new array without those primitive values',
    ([a, ...v]) => {
      const drop = v.filter(isPrimitive).map((x) => primitive(x));
      return a.filter((item: unknown) => !(isPrimitive(item) && drop.includes(primitive(item))));
    },
  ),
  fn(
    'array',
    'merge',
    // Objects too: real apps merge header objects (merge(headers, toCollection(...))); the evaluator
    // keeps only arrays (unconfirmed), so the signature stays permissive.
    '(...values: array | object | null): array | object',
    'one array with all items; non-array arguments are ignored',
    (args) => args.flatMap((a) => (Array.isArray(a) ? a : [])),
  ),
  fn(
    'array',
    'slice',
    '(array: array, start: integer, end?: integer): array',
    'items from start to end (0-based, JS slice)',
    ([a, s, e]) => a.slice(s, e === undefined ? undefined : int(e, 'slice() end')),
  ),
  fn(
    'array',
    'flatten',
    '(array: array, depth?: integer): array',
    'nested arrays flattened (depth 1 by default)',
    ([a, d]) => a.flat(Math.min(Math.max(optionalInt(d, 'flatten() depth', 1), 0), 100)),
  ),
  fn('array', 'reverse', '(array: array): array', 'items in reverse order', ([a]) => [...a].reverse()),
  fn('array', 'shuffle', '(array: array): array', 'items in random order', ([a], env) =>
    shuffle(a, env.random),
  ),
  fn(
    'array',
    'sort',
    '(array: array, order?: text, key?: text): array',
    'sorted; order asc (default), desc, asc ci, desc ci; key a dot path (a second argument that is not an order is the key)',
    ([a, o, k]) => sortArray(array(a, 'sort() array'), ...sortOrderAndKey(o, k)),
  ),
  fn(
    'array',
    'map',
    '(array: array, key: text, filterKey?: text, filterValues?: text): array',
    'the key of each item, optionally only items whose filterKey is in the comma-separated filterValues',
    ([a, k, fk, fv]) => {
      let items: unknown[] = a;
      if (fk !== undefined && fk !== null && fk !== '') {
        const allowed = new Set(
          toText(fv)
            .split(',')
            .map((s) => s.trim()),
        );
        items = items.filter((item) => allowed.has(toText(getPath(item, toText(fk)))));
      }
      return items.map((item) => getPath(item, k));
    },
  ),
  fn(
    'array',
    'distinct',
    '(array: array, key?: text): array',
    'duplicates removed (objects by content, or by the key path)',
    ([a, k]) => {
      const seen = new Set<string>();
      return a.filter((item: unknown) => {
        const id = distinctKey(k === undefined || k === null ? item : getPath(item, k));
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      });
    },
  ),
  fn('array', 'deduplicate', '(array: array): array', 'duplicates removed (alias of distinct)', ([a]) => {
    // Linear time: items keyed by content and type (1 and '1' stay distinct, unlike distinct()).
    const seen = new Set<string>();
    return a.filter((item: unknown) => {
      const id = `${typeof primitive(item)}:${distinctKey(item)}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  }),
  fn(
    'array',
    'keys',
    '(object: object | array | null): array',
    'the keys of an object (indexes of an array)',
    ([o]) => {
      if (Array.isArray(o) || isPlainObject(o)) return Object.keys(o);
      if (o === null || o === undefined) return [];
      throw new ImlEvalError(`keys() needs an object, got ${typeName(o)}`);
    },
  ),
  fn(
    'array',
    'toArray',
    '(object: object | array | null): array',
    '[{key, value}, ...] (an array gives index keys)',
    ([o]) => {
      if (Array.isArray(o)) return o.map((value, key) => ({ key, value }));
      if (isPlainObject(o)) return Object.entries(o).map(([key, value]) => ({ key, value }));
      if (o === null || o === undefined) return [];
      throw new ImlEvalError(`toArray() needs an object, got ${typeName(o)}`);
    },
  ),
  fn(
    'array',
    'toCollection',
    '(array: array, keyField: text, valueField: text): object',
    'an object built from key/value items',
    ([a, kf, vf]) => {
      const out: Record<string, unknown> = {};
      for (const item of a) {
        const key = getPath(item, toText(kf));
        if (key !== undefined && key !== null) setOwn(out, toText(key), getPath(item, toText(vf)));
      }
      return out;
    },
  ),
  fn('array', 'isArray', '(value: any): boolean', 'whether the value is an array', ([v]) => Array.isArray(v)),
  fn('array', 'pop', '(array: array): any', 'the last item (JS pop, without changing the input)', ([a]) => {
    const items = a;
    return items[items.length - 1];
  }),
  fn(
    'array',
    'shift',
    '(array: array): any',
    'the first item (JS shift, without changing the input)',
    ([a]) => a[0],
  ),
];
