/** Array functions (§11.5). They never mutate their input; each returns a new array. */
import { ImlEvalError } from '../errors.ts';
import { getPath } from '../runtime/path.ts';
import { isPlainObject, primitive, setOwn, toText, typeName } from '../runtime/values.ts';
import { distinctKey, shuffle, sortArray, sortOrderAndKey } from './array-support.ts';
import { array, int, optionalInt } from './coerce.ts';
import { type BuiltinFunction, fn, VARIADIC } from './define.ts';

const isPrimitive = (v: unknown) => v === null || typeof primitive(v) !== 'object';

export const ARRAY_FUNCTIONS: BuiltinFunction[] = [
  fn('array', 'first', [1], 'first(array): the first item', ([a]) => array(a, 'first() array')[0]),
  fn('array', 'last', [1], 'last(array): the last item', ([a]) => {
    const items = array(a, 'last() array');
    return items[items.length - 1];
  }),
  fn(
    'array',
    'add',
    [1, VARIADIC],
    'add(array, value1, ...): a new array with the values appended',
    ([a, ...v]) => [...array(a, 'add() array'), ...v],
  ),
  fn(
    'array',
    'remove',
    [1, VARIADIC],
    'remove(array, value1, ...): a new array without those primitive values',
    ([a, ...v]) => {
      const drop = v.filter(isPrimitive).map((x) => primitive(x));
      return array(a, 'remove() array').filter(
        (item) => !(isPrimitive(item) && drop.includes(primitive(item))),
      );
    },
  ),
  fn(
    'array',
    'merge',
    [1, VARIADIC],
    'merge(array1, array2, ...): one array with all items; non-array arguments are ignored',
    (args) => args.flatMap((a) => (Array.isArray(a) ? a : [])),
  ),
  fn(
    'array',
    'slice',
    [2, 3],
    'slice(array, start, [end]): items from start to end (0-based, JS slice)',
    ([a, s, e]) =>
      array(a, 'slice() array').slice(
        int(s, 'slice() start'),
        e === undefined ? undefined : int(e, 'slice() end'),
      ),
  ),
  fn('array', 'flatten', [1, 2], 'flatten(array, [depth=1]): nested arrays flattened', ([a, d]) =>
    array(a, 'flatten() array').flat(Math.min(Math.max(optionalInt(d, 'flatten() depth', 1), 0), 100)),
  ),
  fn('array', 'reverse', [1], 'reverse(array): items in reverse order', ([a]) =>
    [...array(a, 'reverse() array')].reverse(),
  ),
  fn('array', 'shuffle', [1], 'shuffle(array): items in random order', ([a], env) =>
    shuffle(array(a, 'shuffle() array'), env.random),
  ),
  fn(
    'array',
    'sort',
    [1, 3],
    "sort(array, [order='asc'], [key]): sorted; order asc, desc, asc ci, desc ci; key a dot path (a second argument that is not an order is the key)",
    ([a, o, k]) => sortArray(array(a, 'sort() array'), ...sortOrderAndKey(o, k)),
  ),
  fn(
    'array',
    'map',
    [2, 4],
    'map(array, key, [filterKey], [filterValues]): the key of each item, optionally only items whose filterKey is in the comma-separated filterValues',
    ([a, k, fk, fv]) => {
      let items = array(a, 'map() array');
      if (fk !== undefined && fk !== null && fk !== '') {
        const allowed = new Set(
          toText(fv)
            .split(',')
            .map((s) => s.trim()),
        );
        items = items.filter((item) => allowed.has(toText(getPath(item, toText(fk)))));
      }
      return items.map((item) => getPath(item, toText(k)));
    },
  ),
  fn(
    'array',
    'distinct',
    [1, 2],
    'distinct(array, [key]): duplicates removed (objects by content, or by the key path)',
    ([a, k]) => {
      const seen = new Set<string>();
      return array(a, 'distinct() array').filter((item) => {
        const id = distinctKey(k === undefined || k === null ? item : getPath(item, toText(k)));
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      });
    },
  ),
  fn('array', 'deduplicate', [1], 'deduplicate(array): duplicates removed (alias of distinct)', ([a]) => {
    // Linear time: items keyed by content and type (1 and '1' stay distinct, unlike distinct()).
    const seen = new Set<string>();
    return array(a, 'deduplicate() array').filter((item) => {
      const id = `${typeof primitive(item)}:${distinctKey(item)}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  }),
  fn('array', 'keys', [1], 'keys(object): the keys of an object (indexes of an array)', ([o]) => {
    if (Array.isArray(o) || isPlainObject(o)) return Object.keys(o);
    if (o === null || o === undefined) return [];
    throw new ImlEvalError(`keys() needs an object, got ${typeName(o)}`);
  }),
  fn('array', 'toArray', [1], 'toArray(object): [{key, value}, ...] (an array gives index keys)', ([o]) => {
    if (Array.isArray(o)) return o.map((value, key) => ({ key, value }));
    if (isPlainObject(o)) return Object.entries(o).map(([key, value]) => ({ key, value }));
    if (o === null || o === undefined) return [];
    throw new ImlEvalError(`toArray() needs an object, got ${typeName(o)}`);
  }),
  fn(
    'array',
    'toCollection',
    [3],
    'toCollection(array, keyField, valueField): an object built from key/value items',
    ([a, kf, vf]) => {
      const out: Record<string, unknown> = {};
      for (const item of array(a, 'toCollection() array')) {
        const key = getPath(item, toText(kf));
        if (key !== undefined && key !== null) setOwn(out, toText(key), getPath(item, toText(vf)));
      }
      return out;
    },
  ),
  fn('array', 'isArray', [1], 'isArray(value): whether the value is an array', ([v]) => Array.isArray(v)),
  fn('array', 'pop', [1], 'pop(array): the last item (JS pop, without changing the input)', ([a]) => {
    const items = array(a, 'pop() array');
    return items[items.length - 1];
  }),
  fn(
    'array',
    'shift',
    [1],
    'shift(array): the first item (JS shift, without changing the input)',
    ([a]) => array(a, 'shift() array')[0],
  ),
];
