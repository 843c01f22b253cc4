/** Array helpers: identity for distinct/deduplicate, sorting orders, shuffling. */
import { getPath } from '../runtime/path.ts';
import { isDate, primitive, toText } from '../runtime/values.ts';

/** Identity used by `distinct`: objects by content, primitives by their text. */
export function distinctKey(v: unknown): string {
  v = primitive(v);
  if (v !== null && typeof v === 'object' && !isDate(v)) {
    try {
      return `o:${JSON.stringify(v)}`;
    } catch {
      return `o:${toText(v)}`;
    }
  }
  return `p:${toText(v)}`;
}

const SORT_ORDERS = new Set(['asc', 'desc', 'asc ci', 'desc ci']);

/**
 * Reads `sort`'s optional arguments. Make's help shows `sort(Contacts[]; name)`: a second argument
 * that is not one of the four orders is the key, sorted ascending.
 */
export function sortOrderAndKey(order: unknown, key: unknown): [string, string | undefined] {
  const text = (v: unknown) => (v === undefined || v === null ? undefined : toText(v));
  const o = text(order);
  const k = text(key);
  if (o !== undefined && k === undefined && !SORT_ORDERS.has(o.trim().toLowerCase())) return ['asc', o];
  return [o ?? 'asc', k];
}

/** `sort(array, [order], [key])`: order asc (default), desc, asc ci, desc ci; key is a dot path. */
export function sortArray(items: unknown[], order: string, key: string | undefined): unknown[] {
  const o = order.trim().toLowerCase();
  const desc = o.startsWith('desc');
  const ci = o.endsWith(' ci');
  const value = (v: unknown) => {
    const x = primitive(key ? getPath(v, key) : v);
    return ci && typeof x === 'string' ? x.toLowerCase() : x;
  };
  const cmp = (a: unknown, b: unknown): number => {
    const x = value(a);
    const y = value(b);
    if (x === y) return 0;
    if (x === undefined || x === null) return 1;
    if (y === undefined || y === null) return -1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (isDate(x) && isDate(y)) return x.getTime() - y.getTime();
    const sx = toText(x);
    const sy = toText(y);
    return sx < sy ? -1 : sx > sy ? 1 : 0;
  };
  return [...items].sort((a, b) => (desc ? -cmp(a, b) : cmp(a, b)));
}

/** Fisher–Yates with the evaluation's random source (reproducible when seeded). */
export function shuffle(items: unknown[], random: () => number): unknown[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
