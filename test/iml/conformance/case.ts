/** One conformance case: a template, the context (shared by default) and the expected value or error. */
import type { EvalOptions } from '../../../generator/iml/index.ts';

export interface ImlCase {
  /** The template exactly as it would stand in an app's JSON string. */
  t: string;
  /** Expected value (compared with toEqual). Omit when `error` is given. */
  want?: unknown;
  /** Expected error class name, e.g. 'ImlArityError'. */
  error?: string;
  /** Extra root variables merged over the shared context. */
  ctx?: Record<string, unknown>;
  opts?: EvalOptions;
  /** Why: the source, or "unconfirmed: chosen ..." for behaviours the reference does not settle. */
  note?: string;
}

export const FIXED_NOW = new Date('2026-03-15T12:34:56.789Z');

/** A small deterministic generator so `random`, `uuid` and `shuffle` are reproducible. */
export function seeded(seed = 42): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function sharedContext(): Record<string, unknown> {
  return {
    parameters: {
      id: 42,
      name: 'Ada Lovelace',
      'First Name': 'Ada',
      limit: '10',
      tags: ['a', 'b', 'c'],
      empty: '',
      zero: 0,
      flag: false,
      nested: { deep: { value: 'x' } },
    },
    connection: { accessToken: 'tok123', expires: '2026-03-15T12:40:00.000Z' },
    body: {
      items: [
        { id: 1, name: 'one', type: 'a' },
        { id: 2, name: 'two', type: 'b' },
        { id: 3, name: 'three', type: 'a' },
      ],
      total: 3,
      next: null,
      nextPageToken: 'abc',
    },
    headers: { 'X-HOOK-TYPE': 'created', 'retry-after': '30', link: '<x>' },
    temp: {
      n: 5,
      s: '5',
      list: [3, 1, 2],
      words: ['b', 'A', 'c'],
      obj: { a: 1, b: { c: 2 } },
      date: new Date('2026-01-31T10:00:00.000Z'),
      empty: [],
      buf: Buffer.from('hi'),
      idx: 2,
    },
    item: { 'key.with.dots': 'dots', '2nd': 'second' },
    pagination: { page: 2 },
    data: { expires: '2026-03-15T12:40:00.000Z' },
  };
}
