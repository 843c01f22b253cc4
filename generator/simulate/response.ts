/**
 * Response parsing (`response.type`) and Make's error mapping (`valid`, `error`, defaults) —
 * make-iml.md §4 and make-semantics-evidence.md §8.
 */

import type { ImlContext } from '../iml/api.ts';
import { isPlainObject, type MakeErrorType } from '../model/index.ts';
import { MakeError } from './errors.ts';
import { parseXml } from './xml.ts';

/** Chooses the `type` for a status from an object keyed `*`, `NNN-NNN`, `NNN`: smallest range wins. */
export function typeForStatus(type: unknown, status: number): unknown {
  if (!isPlainObject(type)) return type;
  let best: { width: number; value: unknown } | undefined;
  for (const [key, value] of Object.entries(type)) {
    let lo: number;
    let hi: number;
    if (key === '*') [lo, hi] = [1, 999];
    else if (/^\d{3}-\d{3}$/.test(key)) [lo, hi] = key.split('-').map(Number) as [number, number];
    else if (/^\d{3}$/.test(key)) lo = hi = Number(key);
    else continue;
    if (status >= lo && status <= hi && (!best || hi - lo < best.width)) best = { width: hi - lo, value };
  }
  return best?.value ?? 'automatic';
}

export function parseBody(typeName: unknown, headers: Record<string, string>, raw: Buffer): unknown {
  const type = String(typeName ?? 'automatic').toLowerCase();
  const ct = (headers['content-type'] ?? '').toLowerCase();
  const text = () => raw.toString('utf8');
  switch (type) {
    case 'automatic': {
      if (raw.length === 0) return undefined;
      if (ct.includes('json')) return tryJson(text()) ?? text();
      if (ct.includes('x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text()));
      if (ct.includes('xml')) return parseXml(text());
      if (ct.startsWith('text/plain') || ct.startsWith('text/html')) return text();
      return raw;
    }
    case 'json': {
      if (raw.length === 0) return undefined;
      const parsed = tryJson(text());
      if (parsed === undefined) throw new MakeError('RuntimeError', 'Failed to parse the response as JSON.');
      return parsed;
    }
    case 'urlencoded':
      return Object.fromEntries(new URLSearchParams(text()));
    case 'xml':
      return parseXml(text());
    case 'text':
    case 'string':
    case 'raw':
      return text();
    case 'binary':
      return raw;
    default:
      throw new MakeError('InvalidConfigurationError', `Unknown response type "${typeName}"`);
  }
}

function tryJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

export function defaultErrorMessage(status: number): string {
  if (status === 429) return 'Third party API limit likely exceeded';
  if (status >= 500) return 'Service is temporarily unavailable.';
  return `Status Code Error: ${status}`;
}

export function defaultErrorType(status: number): MakeErrorType {
  if (status === 429) return 'RateLimitError';
  if (status >= 500) return 'ConnectionError';
  return 'RuntimeError';
}

type Evaluate = (value: unknown, ctx: ImlContext) => unknown;

/** The error for a response with status 400–599, using the app's `error` directive over Make's defaults. */
export function httpError(
  errorSpec: unknown,
  status: number,
  ctx: ImlContext,
  evaluate: Evaluate,
): MakeError {
  const { message, type } = pickError(errorSpec, status, ctx, evaluate);
  return new MakeError(type ?? defaultErrorType(status), message ?? defaultErrorMessage(status), status);
}

/** The error for a response `valid` rejected: valid.message → error.NNN → error → fixed text. */
export function invalidError(
  validSpec: unknown,
  errorSpec: unknown,
  status: number,
  ctx: ImlContext,
  evaluate: Evaluate,
): MakeError {
  let message: string | undefined;
  let type: string | undefined;
  if (isPlainObject(validSpec)) {
    if (validSpec.message !== undefined) message = textOf(evaluate(validSpec.message, ctx));
    if (validSpec.type !== undefined) type = textOf(evaluate(validSpec.type, ctx));
  }
  const fromError = pickError(errorSpec, status, ctx, evaluate);
  return new MakeError(
    type ?? fromError.type ?? 'RuntimeError',
    message ?? fromError.message ?? 'Response marked as invalid.',
    status,
  );
}

function pickError(
  errorSpec: unknown,
  status: number,
  ctx: ImlContext,
  evaluate: Evaluate,
): { message?: string; type?: string } {
  if (errorSpec === undefined || errorSpec === null) return {};
  if (typeof errorSpec === 'string') return { message: textOf(evaluate(errorSpec, ctx)) };
  if (!isPlainObject(errorSpec)) return {};
  const specific = isPlainObject(errorSpec[String(status)])
    ? (errorSpec[String(status)] as Record<string, unknown>)
    : {};
  const msg = specific.message ?? errorSpec.message;
  const type = specific.type ?? errorSpec.type;
  return {
    ...(msg !== undefined ? { message: textOf(evaluate(msg, ctx)) } : {}),
    ...(type !== undefined ? { type: textOf(evaluate(type, ctx)) } : {}),
  };
}

function textOf(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  return typeof v === 'string' ? v : JSON.stringify(v);
}
