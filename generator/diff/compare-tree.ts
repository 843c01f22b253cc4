import { isObject } from '../model/index.ts';
import type { Path } from './tracked.ts';

/** One place where two normalised values differ. `present` false = that side has nothing there. */
export interface RawDiff {
  path: Path;
  ref: { present: boolean; value?: unknown };
  theirs: { present: boolean; value?: unknown };
}

/** Deep equality where object key order does not count. */
function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

export function stableJson(v: unknown): string {
  return (
    JSON.stringify(v, (_k, val) =>
      isObject(val)
        ? Object.fromEntries(
            Object.keys(val)
              .sort()
              .map((k) => [k, val[k]]),
          )
        : val,
    ) ?? 'undefined'
  );
}

/**
 * Walks both values and lists the smallest differing places: objects by key, arrays index by index
 * when both have the same length (otherwise as a whole: a longer or shorter list is one change).
 * `asSet(path)` says which arrays are sets; those report one diff per missing or extra element.
 */
export function diffTrees(
  ref: unknown,
  theirs: unknown,
  asSet: (path: Path) => boolean = () => false,
  path: Path = [],
): RawDiff[] {
  if (sameValue(ref, theirs)) return [];
  if (isObject(ref) && isObject(theirs)) {
    const out: RawDiff[] = [];
    const keys = [...new Set([...Object.keys(ref), ...Object.keys(theirs)])].sort();
    for (const k of keys) {
      const inR = Object.hasOwn(ref, k) && ref[k] !== undefined;
      const inT = Object.hasOwn(theirs, k) && theirs[k] !== undefined;
      if (inR && inT) out.push(...diffTrees(ref[k], theirs[k], asSet, [...path, k]));
      else if (isEntryMap([...path, k]) && isObject(inR ? ref[k] : theirs[k]))
        // a missing `headers`/`qs`/`response.data` object: one change per entry, like a missing entry
        out.push(...diffTrees(inR ? ref[k] : {}, inT ? theirs[k] : {}, asSet, [...path, k]));
      else if (inR || inT)
        out.push({ path: [...path, k], ref: side(inR, ref[k]), theirs: side(inT, theirs[k]) });
    }
    return out;
  }
  if (Array.isArray(ref) && Array.isArray(theirs)) {
    if (asSet(path)) {
      const rs = new Set(ref.map(stableJson));
      const ts = new Set(theirs.map(stableJson));
      const out: RawDiff[] = [];
      for (const r of ref)
        if (!ts.has(stableJson(r))) out.push({ path, ref: side(true, r), theirs: side(false) });
      for (const t of theirs)
        if (!rs.has(stableJson(t))) out.push({ path, ref: side(false), theirs: side(true, t) });
      return out;
    }
    if (ref.length === theirs.length) {
      return ref.flatMap((r, i) => diffTrees(r, theirs[i], asSet, [...path, i]));
    }
  }
  return [{ path, ref: side(true, ref), theirs: side(true, theirs) }];
}

/** Objects whose entries are independent (each header, query parameter, stored value is its own change). */
function isEntryMap(path: Path): boolean {
  const last = path[path.length - 1];
  return last === 'headers' || last === 'qs' || (last === 'data' && path[path.length - 2] === 'response');
}

function side(present: boolean, value?: unknown): { present: boolean; value?: unknown } {
  return present ? { present, value } : { present };
}
