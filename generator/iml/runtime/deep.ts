/**
 * Deep evaluation of app documents: strings are templates, arrays and objects are walked, keys
 * holding IML are evaluated (unconfirmed in Make; we evaluate them), and the spread key `{{...}}`
 * merges its object into the parent, with the parent's explicit keys winning (examples in Make's developer docs).
 */
import { isPlainObject } from '../../model/index.ts';
import type { ImlContext } from '../api.ts';
import { ImlEvalError } from '../errors.ts';
import { MAX_VALUE_DEPTH } from '../syntax/limits.ts';
import type { Env } from './env.ts';
import { setOwn, toText } from './values.ts';

const SPREAD_KEY = '{{...}}';

export type TemplateRunner = (src: string, ctx: ImlContext, env: Env) => unknown;

export function evaluateDeep(
  value: unknown,
  ctx: ImlContext,
  env: Env,
  run: TemplateRunner,
  depth = 0,
): unknown {
  if (typeof value === 'string') return value.includes('{{') ? run(value, ctx, env) : value;
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_VALUE_DEPTH) throw new ImlEvalError(`value nested deeper than ${MAX_VALUE_DEPTH} levels`);
  if (Array.isArray(value)) return value.map((v) => evaluateDeep(v, ctx, env, run, depth + 1));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  const explicit: Record<string, unknown> = {};
  let spread: Record<string, unknown> | undefined;
  for (const [key, v] of Object.entries(value)) {
    const evaluated = evaluateDeep(v, ctx, env, run, depth + 1);
    if (key === SPREAD_KEY) {
      // Only objects spread; null/undefined/arrays/primitives contribute nothing.
      if (isPlainObject(evaluated)) spread = { ...spread, ...evaluated };
      continue;
    }
    setOwn(explicit, key.includes('{{') ? toText(run(key, ctx, env)) : key, evaluated);
  }
  if (spread) for (const [k, v] of Object.entries(spread)) setOwn(out, k, v);
  for (const [k, v] of Object.entries(explicit)) setOwn(out, k, v);
  return out;
}
