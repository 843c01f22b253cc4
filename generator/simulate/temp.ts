import { getOwn, setOwn } from '../model/index.ts';
import { isPlainObject } from './base-merge.ts';

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

/** IML conditions use JavaScript truthiness (make-iml.md §10.6). */
export function truthy(v: unknown): boolean {
  return Boolean(v);
}

/** Duration text like `61m`, `25h`, `90s`, `2d`, `500ms`, `1h30m` → milliseconds; undefined when malformed. */
export function parseDuration(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text : undefined;
  const units: Record<string, number> = {
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000,
    w: 604_800_000,
  };
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/gy;
  let total = 0;
  let pos = 0;
  const src = text.trim();
  if (!src) return undefined;
  for (;;) {
    re.lastIndex = pos;
    const m = re.exec(src);
    if (!m) break;
    total += Number(m[1]) * units[m[2]];
    pos = re.lastIndex;
  }
  return pos === src.length ? total : undefined;
}
