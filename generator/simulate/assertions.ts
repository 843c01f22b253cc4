/**
 * Scenario assertions: subset matching of outputs, JSON-path-ish lookups, expected errors and the
 * requests a step sent. Each returns human-readable failures (empty = satisfied).
 */
import { safeRegExp } from '../iml/index.ts';
import { getOwn, isPlainObject } from '../model/index.ts';
import type { Expectation, RequestExpectation } from './scenario-types.ts';
import type { MakeErrorInfo, RequestRecord } from './types.ts';

const OPS = new Set([
  '$exists',
  '$matches',
  '$type',
  '$length',
  '$gte',
  '$lte',
  '$gt',
  '$lt',
  '$ne',
  '$contains',
]);

function isOperator(v: unknown): v is Record<string, unknown> {
  return isPlainObject(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => OPS.has(k));
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? 'undefined' : s.length > 120 ? `${s.slice(0, 120)}…` : s;
}

function typeOf(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
}

/** `actual` contains `expected`: objects by subset, arrays element-wise by index, operators like `{$matches: re}`. */
function matchSubset(actual: unknown, expected: unknown, path = '$'): string[] {
  if (isOperator(expected)) return matchOperator(actual, expected, path);
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return [`${path}: expected an object, got ${show(actual)}`];
    return Object.entries(expected).flatMap(([k, v]) => matchSubset(actual[k], v, `${path}.${k}`));
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array, got ${show(actual)}`];
    if (actual.length < expected.length)
      return [`${path}: expected at least ${expected.length} items, got ${actual.length}`];
    return expected.flatMap((v, i) => matchSubset(actual[i], v, `${path}[${i}]`));
  }
  if (actual === expected) return [];
  if (actual instanceof Date && typeof expected === 'string' && actual.toISOString() === expected) return [];
  return [`${path}: expected ${show(expected)}, got ${show(actual)}`];
}

function matchOperator(actual: unknown, op: Record<string, unknown>, path: string): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(op)) {
    switch (k) {
      case '$exists':
        if ((actual !== undefined) !== Boolean(v))
          out.push(`${path}: expected ${v ? 'a value' : 'no value'}, got ${show(actual)}`);
        break;
      case '$matches':
        if (typeof actual !== 'string' || patternTest(String(v), '', actual, out, path) === false)
          out.push(`${path}: expected text matching /${v}/, got ${show(actual)}`);
        break;
      case '$type':
        if (typeOf(actual) !== v) out.push(`${path}: expected type ${v}, got ${typeOf(actual)}`);
        break;
      case '$length': {
        const len = Array.isArray(actual) || typeof actual === 'string' ? actual.length : undefined;
        if (len !== v) out.push(`${path}: expected length ${v}, got ${len ?? typeOf(actual)}`);
        break;
      }
      case '$gte':
      case '$lte':
      case '$gt':
      case '$lt': {
        const a = Number(actual);
        const b = Number(v);
        const ok = k === '$gte' ? a >= b : k === '$lte' ? a <= b : k === '$gt' ? a > b : a < b;
        if (!ok) out.push(`${path}: expected ${k.slice(1)} ${b}, got ${show(actual)}`);
        break;
      }
      case '$ne':
        if (actual === v) out.push(`${path}: expected anything but ${show(v)}`);
        break;
      case '$contains':
        if (
          Array.isArray(actual)
            ? !actual.some((x) => matchSubset(x, v).length === 0)
            : !String(actual ?? '').includes(String(v))
        )
          out.push(`${path}: expected to contain ${show(v)}, got ${show(actual)}`);
        break;
    }
  }
  return out;
}

/** `[0].director.name`, `0.name`, `length` → the value in `root`. */
export function getPath(root: unknown, path: string): unknown {
  const segs = path
    .replace(/^\$\.?/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
  let cur: unknown = root;
  for (const s of segs) {
    if (s === 'length' && (Array.isArray(cur) || typeof cur === 'string')) {
      cur = cur.length;
      continue;
    }
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    cur = getOwn(cur, s);
  }
  return cur;
}

function messageMatches(actual: string, expected: string): boolean {
  const re = /^\/(.*)\/([a-z]*)$/s.exec(expected);
  return re ? patternTest(re[1], re[2], actual, [], '') === true : actual.includes(expected);
}

/**
 * A scenario's pattern, run in bounded time; a bad or runaway pattern is a failure of its own
 * (pushed to `out`, result undefined).
 */
function patternTest(
  source: string,
  flags: string,
  actual: string,
  out: string[],
  path: string,
): boolean | undefined {
  try {
    return safeRegExp(source, flags).test(actual);
  } catch (e) {
    out.push(`${path ? `${path}: ` : ''}${(e as Error).message}`);
    return undefined;
  }
}

/** Failures of a step against its expectation. */
export function checkExpectation(
  exp: Expectation | undefined,
  outcome: { error?: MakeErrorInfo; output?: unknown[]; requests: RequestRecord[] },
): string[] {
  const failures: string[] = [];
  const { error } = outcome;
  if (exp?.error !== undefined) {
    if (!error)
      failures.push(
        `expected the step to fail${exp.error === true ? '' : ` with ${show(exp.error)}`}, but it succeeded`,
      );
    else if (exp.error !== true) {
      if (exp.error.type && exp.error.type !== error.type)
        failures.push(`expected error type ${exp.error.type}, got ${error.type}`);
      if (exp.error.message && !messageMatches(error.message, exp.error.message))
        failures.push(
          `expected error message matching ${show(exp.error.message)}, got ${show(error.message)}`,
        );
      if (exp.error.statusCode !== undefined && exp.error.statusCode !== error.statusCode)
        failures.push(`expected status ${exp.error.statusCode}, got ${error.statusCode ?? 'none'}`);
    }
  } else if (error) failures.push(`${error.type}: ${error.message}`);
  if (!exp) return failures;
  const out = outcome.output ?? [];
  if (exp.output !== undefined)
    failures.push(
      ...matchSubset(
        Array.isArray(exp.output) ? out : out[0],
        exp.output,
        Array.isArray(exp.output) ? 'output' : 'output[0]',
      ),
    );
  if (exp.count !== undefined && out.length !== exp.count)
    failures.push(`expected ${exp.count} bundles, got ${out.length}`);
  if (exp.minCount !== undefined && out.length < exp.minCount)
    failures.push(`expected at least ${exp.minCount} bundles, got ${out.length}`);
  for (const [p, v] of Object.entries(exp.paths ?? {})) failures.push(...matchSubset(getPath(out, p), v, p));
  if (exp.requestCount !== undefined && outcome.requests.length !== exp.requestCount)
    failures.push(`expected ${exp.requestCount} requests, got ${outcome.requests.length}`);
  if (exp.requests) failures.push(...checkRequests(exp.requests, outcome.requests));
  if (exp.sendsRequest === true && outcome.requests.length === 0 && !outcome.error)
    failures.push('no request was sent: its communication has no url, so Make sends nothing');
  return failures;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

function requestMismatch(want: RequestExpectation, got: RequestRecord): string | undefined {
  if (want.method && want.method.toUpperCase() !== got.method) return `method ${got.method}`;
  if (want.component && want.component !== got.component) return `component ${got.component}`;
  if (want.path) {
    const p = pathOf(got.url);
    if (p !== want.path && !p.endsWith(want.path.startsWith('/') ? want.path : `/${want.path}`))
      return `path ${p}`;
  }
  if (want.status !== undefined && want.status !== got.status) return `status ${got.status}`;
  if (want.query) {
    const f = matchSubset(got.query, stringify(want.query), 'query');
    if (f.length) return f[0];
  }
  if (want.headers) {
    if (Array.isArray(want.headers)) {
      const missing = want.headers.find((h) => got.headers[h.toLowerCase()] === undefined);
      if (missing) return `no ${missing} header`;
    } else {
      const lower = Object.fromEntries(Object.entries(want.headers).map(([k, v]) => [k.toLowerCase(), v]));
      const f = matchSubset(got.headers, lower, 'headers');
      if (f.length) return f[0];
    }
  }
  if (want.body !== undefined) {
    const f = matchSubset(got.body, want.body, 'body');
    if (f.length) return f[0];
  }
  return undefined;
}

/** Query values arrive as text; let scenarios write numbers. */
function stringify(q: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(q).map(([k, v]) => [k, typeof v === 'number' || typeof v === 'boolean' ? String(v) : v]),
  );
}

/** Each expected request must match a sent one, in order (unlisted requests may come between). */
function checkRequests(expected: RequestExpectation[], sent: RequestRecord[]): string[] {
  let from = 0;
  const failures: string[] = [];
  for (const [i, want] of expected.entries()) {
    let found = -1;
    let closest: string | undefined;
    for (let j = from; j < sent.length; j++) {
      const why = requestMismatch(want, sent[j]);
      if (!why) {
        found = j;
        break;
      }
      closest ??= `${sent[j].method} ${pathOf(sent[j].url)}: ${why}`;
    }
    if (found < 0) {
      failures.push(
        `request #${i + 1} ${show(want)} was not sent${closest ? ` (first candidate: ${closest})` : ''}`,
      );
    } else from = found + 1;
  }
  return failures;
}
