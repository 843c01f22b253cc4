import type { CodeFile } from '../model/app.ts';
import { isObject } from '../model/index.ts';
import { toPointer } from '../model/location.ts';
import { setKey } from './own-key.ts';
import type { Path, Tracker } from './tracked.ts';

/**
 * A parameter list keyed by name, so a moved field is one "order" change instead of a cascade of
 * index changes. Defaults made explicit: `required` false, `advanced` false, `mappable` true, and
 * `type` text when missing. Nested `spec` lists are keyed the same way.
 * Result: `{ fields: { name: param }, order: [names] }`.
 */
export function normalizeParams(
  raw: unknown,
  code: CodeFile | undefined,
  src: Path,
  dst: Path,
  t: Tracker,
): unknown {
  if (!Array.isArray(raw)) return t.copy(raw, code, src, dst);
  t.mark(dst, code, ptr(src));
  const fields: Record<string, unknown> = {};
  const order: string[] = [];
  raw.forEach((p, i) => {
    const key = paramKey(p, i, fields);
    order.push(key);
    const to = [...dst, 'fields', key];
    if (!isObject(p)) {
      setKey(fields, key, t.copy(p, code, [...src, i], to));
      return;
    }
    const out = t.copy(p, code, [...src, i], to) as Record<string, unknown>;
    if (out.type !== 'banner') {
      if (out.required === undefined) out.required = false;
      if (out.advanced === undefined) out.advanced = false;
      if (out.mappable === undefined) out.mappable = true;
      if (out.type === undefined) out.type = 'text';
    }
    if (Array.isArray(p.spec))
      out.spec = normalizeParams(p.spec, code, [...src, i, 'spec'], [...to, 'spec'], t);
    if (Array.isArray(p.nested))
      out.nested = normalizeParams(p.nested, code, [...src, i, 'nested'], [...to, 'nested'], t);
    setKey(fields, key, out);
  });
  t.mark([...dst, 'order'], code, ptr(src));
  return { fields, order };
}

function paramKey(p: unknown, i: number, taken: Record<string, unknown>): string {
  let key: string;
  if (typeof p === 'string') key = p;
  else if (isObject(p) && typeof p.name === 'string') key = p.name;
  else key = `#${i}`;
  while (Object.hasOwn(taken, key)) key = `${key}#${i}`;
  return key;
}

/** Scope lists are sets: order and duplicates mean nothing. */
export function normalizeScopeList(
  raw: unknown,
  code: CodeFile | undefined,
  src: Path,
  dst: Path,
  t: Tracker,
): unknown {
  if (!Array.isArray(raw)) return t.copy(raw, code, src, dst);
  t.mark(dst, code, ptr(src));
  return [...new Set(raw.map(String))].sort();
}

const ptr = (path: Path): string => toPointer(path);
