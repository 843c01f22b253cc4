/**
 * Base inheritance (make-iml.md §2): a module or RPC request takes every base key it does not set.
 * `headers`/`qs` objects merge key by key (evidence §2, setting); an IML-string value replaces.
 * `response` merges directive by directive; `log.sanitize` lists are united.
 */
import { isPlainObject } from '../model/index.ts';
import type { SimulatorSettings } from './settings.ts';

export type Spec = Record<string, unknown>;

/** The base document as one request object (an array base contributes its first element). */
export function baseSpec(base: unknown): Spec {
  if (Array.isArray(base)) return isPlainObject(base[0]) ? base[0] : {};
  return isPlainObject(base) ? base : {};
}

export function mergeBase(
  base: Spec,
  spec: Spec,
  settings: Pick<SimulatorSettings, 'mergeBaseHeadersAndQs'>,
): Spec {
  const out: Spec = { ...base, ...spec };
  for (const key of ['headers', 'qs'] as const) {
    if (settings.mergeBaseHeadersAndQs && isPlainObject(base[key]) && isPlainObject(spec[key]))
      out[key] = mergeCaseAware(base[key] as Spec, spec[key] as Spec, key === 'headers');
  }
  if (isPlainObject(base.response) && isPlainObject(spec.response))
    out.response = { ...(base.response as Spec), ...(spec.response as Spec) };
  const sanitize = [...sanitizeList(base), ...sanitizeList(spec)];
  if (sanitize.length)
    out.log = { ...(isPlainObject(spec.log) ? spec.log : {}), sanitize: [...new Set(sanitize)] };
  return out;
}

/** Header names are case-insensitive: a module's `Authorization` replaces the base's `authorization`. */
function mergeCaseAware(base: Spec, over: Spec, caseInsensitive: boolean): Spec {
  if (!caseInsensitive) return { ...base, ...over };
  const out: Spec = {};
  const overLower = new Set(Object.keys(over).map((k) => k.toLowerCase()));
  for (const [k, v] of Object.entries(base))
    if (!overLower.has(k.toLowerCase()) || k === '{{...}}') out[k] = v;
  return { ...out, ...over };
}

export function sanitizeList(spec: Spec | undefined): string[] {
  const log = spec?.log;
  if (!isPlainObject(log) || !Array.isArray(log.sanitize)) return [];
  return log.sanitize.filter((s): s is string => typeof s === 'string');
}
