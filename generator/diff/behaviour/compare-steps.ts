import { isObject } from '../../model/index.ts';
import type { RequestRecord, SimulationReport, StepReport } from '../../simulate/types.ts';
import { stableJson } from '../compare-tree.ts';
import { show } from '../explain.ts';
import { setKey } from '../own-key.ts';
import type { BehaviourStep, StepDifference, StepRequestView } from '../types.ts';
import { sameBundle, sameMeaning } from './same-meaning.ts';

/** Headers that say nothing about the app's behaviour (transport details or derived from the body). */
const TRANSPORT_HEADERS = new Set([
  'content-length',
  'host',
  'connection',
  'user-agent',
  'date',
  'accept-encoding',
  'transfer-encoding',
]);
const MAX_LISTED = 40;
/**
 * Wall-clock transport headers inside outputs (the universal module returns response headers):
 * they follow real time, not the scenario clock, so two runs a second apart differ.
 */
const ALWAYS_NOISE = /\.headers\.(date|etag|x-request-id|content-length)$/;

function requestView(r: RequestRecord): StepRequestView {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers ?? {}))
    if (!TRANSPORT_HEADERS.has(k.toLowerCase())) setKey(headers, k.toLowerCase(), v);
  // multipart boundaries are random by nature
  if (headers['content-type']?.startsWith('multipart/')) headers['content-type'] = 'multipart/form-data';
  return {
    method: r.method,
    url: r.url,
    query: sameMeaning(r.query ?? {}),
    headers,
    ...(r.body !== undefined ? { body: partsByName(isObject(r.body) ? sameMeaning(r.body) : r.body) } : {}),
  };
}

/** Multipart parts are form fields: their order carries no meaning, like keys of a JSON body. */
function partsByName(body: unknown): unknown {
  if (!isObject(body) || !Array.isArray(body.multipart)) return body;
  const name = (p: unknown) => (isObject(p) ? String(p.name ?? '') : '');
  return { ...body, multipart: [...body.multipart].sort((a, b) => name(a).localeCompare(name(b))) };
}

/** What is compared in one step: the error, each request (with its status) and the output bundles. */
function stepView(
  s: StepReport | undefined,
  rename: (text: string) => string = (t) => t,
): Record<string, unknown> {
  if (!s) return {};
  return {
    ...(s.error ? { error: { type: s.error.type, message: rename(s.error.message) } } : {}),
    requests: s.requests.map((r) => ({
      ...requestView(r),
      ...(r.status !== undefined ? { status: r.status } : {}),
    })),
    output: (s.output ?? []).map(sameBundle),
  };
}

/** Leaf paths of a JSON value: `requests[0].query.page` → value; arrays also give `.length`. */
function flatten(v: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(v)) {
    out.set(`${prefix}.length`.replace(/^\./, ''), v.length);
    for (const [i, x] of v.entries()) flatten(x, `${prefix}[${i}]`, out);
  } else if (isObject(v)) {
    const keys = Object.keys(v);
    if (keys.length === 0 && prefix) out.set(prefix, {});
    for (const k of keys) flatten(v[k], prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) out.set(prefix, v);
  return out;
}

/** Paths whose value changes between two runs of the same app (timestamps, generated ids, tokens). */
function noisyPaths(a: StepReport | undefined, b: StepReport | undefined): Set<string> {
  const fa = flatten(stepView(a));
  const fb = flatten(stepView(b));
  const out = new Set<string>();
  for (const k of new Set([...fa.keys(), ...fb.keys()]))
    if (ALWAYS_NOISE.test(k) || !fb.has(k) || !fa.has(k) || stableJson(fa.get(k)) !== stableJson(fb.get(k)))
      out.add(k);
  return out;
}

/**
 * Compares the student's run with the reference's, step by step, ignoring what varied between
 * two reference runs (`refAlt` ran with another seed and clock).
 */
export function compareRuns(
  ref: SimulationReport,
  refAlt: SimulationReport,
  theirs: SimulationReport,
  /** The student's component names → the reference's, so messages naming them compare equal. */
  renames: Map<string, string> = new Map(),
): BehaviourStep[] {
  const rename = (text: string) =>
    text.replace(/"([A-Za-z][\w-]*)"/g, (m, n: string) => (renames.has(n) ? `"${renames.get(n)}"` : m));
  const out: BehaviourStep[] = [];
  for (const rs of ref.scenarios) {
    const alt = refAlt.scenarios.find((s) => s.name === rs.name);
    const ts = theirs.scenarios.find((s) => s.name === rs.name);
    const n = Math.max(rs.steps.length, ts?.steps.length ?? 0);
    let firstFailure: number | undefined;
    for (let i = 0; i < n; i++) {
      const r = rs.steps[i];
      const t = ts?.steps[i];
      const masked = noisyPaths(r, alt?.steps[i]);
      const { differences, compared } = compareStep(r, t, masked, rename);
      const total = differences.length;
      const listed =
        total > MAX_LISTED
          ? [
              ...differences.slice(0, MAX_LISTED),
              { path: '…', message: `${total - MAX_LISTED} more differences` },
            ]
          : differences;
      // A step that errs before sending anything, after an earlier step already failed, is a
      // consequence (no connection, no id to use), not a new difference.
      const follows =
        total > 0 && t?.error && !r?.error && t.requests.length === 0 ? firstFailure : undefined;
      if (total > 0 && t?.error && firstFailure === undefined) firstFailure = i;
      out.push({
        ...(follows !== undefined ? { followsFrom: follows } : {}),
        scenario: rs.name,
        index: i,
        title: r?.label ?? t?.label ?? `step ${i + 1}`,
        ...(r?.component ? { component: r.component } : {}),
        pass: total === 0,
        distance: compared === 0 ? (total ? 1 : 0) : Math.round((total / compared) * 1000) / 1000,
        differences: listed,
        reference: sideOf(r),
        theirs: sideOf(t),
        masked: [...masked].sort(naturalOrder),
      });
    }
  }
  for (const ts of theirs.scenarios) {
    if (!ref.scenarios.some((s) => s.name === ts.name)) {
      out.push({
        scenario: ts.name,
        index: 0,
        title: 'scenario only run on your app',
        pass: false,
        distance: 1,
        differences: [{ path: '', message: 'the reference has no such scenario' }],
        reference: { requests: [] },
        theirs: { requests: [] },
        masked: [],
      });
    }
  }
  return out;
}

type View = Record<string, unknown>;

/**
 * Differences of one step. Requests are paired by method and URL (longest common subsequence), so
 * an extra refresh or page shows as one extra request instead of shifting every later one.
 */
function compareStep(
  r: StepReport | undefined,
  t: StepReport | undefined,
  masked: Set<string>,
  rename: (text: string) => string,
) {
  const rv = stepView(r);
  const tv = stepView(t, rename);
  const rReq = (rv.requests ?? []) as View[];
  const tReq = (tv.requests ?? []) as View[];
  const differences: StepDifference[] = [];
  let compared = 0;
  const leaf = (k: string, fr: Map<string, unknown>, ft: Map<string, unknown>) => {
    if (isMasked(k, masked)) return;
    compared++;
    const inR = fr.has(k);
    const inT = ft.has(k);
    if (inR && inT && stableJson(fr.get(k)) === stableJson(ft.get(k))) return;
    differences.push({
      path: k,
      ...(inR ? { reference: fr.get(k) } : {}),
      ...(inT ? { theirs: ft.get(k) } : {}),
      message: !inT
        ? `only the reference has ${show(fr.get(k), 80)}`
        : !inR
          ? `only yours has ${show(ft.get(k), 80)}`
          : `reference ${show(fr.get(k), 80)}, yours ${show(ft.get(k), 80)}`,
    });
  };
  const compareMaps = (fr: Map<string, unknown>, ft: Map<string, unknown>) => {
    for (const k of [...new Set([...fr.keys(), ...ft.keys()])].sort(naturalOrder)) leaf(k, fr, ft);
  };
  const { requests: _r, ...rRest } = rv;
  const { requests: _t, ...tRest } = tv;
  compareMaps(flatten(rRest), flatten(tRest));
  if (r || t)
    compareMaps(new Map([['requests.length', rReq.length]]), new Map([['requests.length', tReq.length]]));
  const pairs = align(rReq.map(requestKey), tReq.map(requestKey));
  const pairedT = new Set(pairs.map(([, j]) => j));
  const pairedR = new Map(pairs);
  for (const [i, req] of rReq.entries()) {
    const j = pairedR.get(i);
    if (j !== undefined) compareMaps(flatten(req, `requests[${i}]`), flatten(tReq[j], `requests[${i}]`));
    else if (!isMasked(`requests[${i}]`, masked)) {
      compared++;
      differences.push({
        path: `requests[${i}]`,
        reference: describeRequest(req),
        message: `only the reference sends ${describeRequest(req)}`,
      });
    }
  }
  for (const [j, req] of tReq.entries()) {
    if (pairedT.has(j)) continue;
    compared++;
    differences.push({
      path: `yours.requests[${j}]`,
      theirs: describeRequest(req),
      message: `only yours sends ${describeRequest(req)}`,
    });
  }
  // what went wrong first: the error, then what was sent, then what came out
  const rank = (p: string) => (p.startsWith('error') ? 0 : /^(yours\.)?requests/.test(p) ? 1 : 2);
  differences.sort((a, b) => rank(a.path) - rank(b.path));
  return { differences, compared };
}

/** Pairing key: method and URL with id-like path segments blurred (generated ids are noise, compared later). */
function requestKey(q: View): string {
  const url = String(q.url)
    .split('/')
    .map((seg) => (/\d/.test(seg) && seg.length >= 3 && !/^v\d+$/.test(seg) ? '*' : seg))
    .join('/');
  return `${String(q.method)} ${url}`;
}

function describeRequest(q: View): string {
  const query =
    isObject(q.query) && Object.keys(q.query).length
      ? `?${new URLSearchParams(q.query as Record<string, string>).toString()}`
      : '';
  return `${String(q.method)} ${String(q.url)}${query}${q.status !== undefined ? ` → ${String(q.status)}` : ''}`;
}

/** Index pairs of a longest common subsequence of two key lists. */
export function align(a: string[], b: string[]): [number, number][] {
  const m = a.length;
  const n = b.length;
  const dp = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let i = m - 1; i >= 0; i--)
    for (let j = n - 1; j >= 0; j--)
      dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < m && j < n) {
    if (a[i] === b[j]) {
      out.push([i, j]);
      i++;
      j++;
    } else if (dp[i + 1][j] >= dp[i][j + 1]) i++;
    else j++;
  }
  return out;
}

/** A path is masked when it, or an ancestor (`requests[0].body` for `requests[0].body.id`), varied. */
function isMasked(path: string, masked: Set<string>): boolean {
  if (masked.has(path)) return true;
  for (let i = path.length - 1; i > 0; i--) {
    const ch = path[i];
    if ((ch === '.' || ch === '[') && masked.has(path.slice(0, i))) return true;
  }
  return false;
}

function sideOf(s: StepReport | undefined): BehaviourStep['reference'] {
  if (!s) return { requests: [], error: 'step not run' };
  return {
    requests: s.requests.map(requestView),
    ...(s.output !== undefined ? { output: s.output } : {}),
    ...(s.error ? { error: `${s.error.type}: ${s.error.message}` } : {}),
  };
}

// One collator: localeCompare with options builds a new one for every comparison (most of a
// graded student's comparison time).
const NATURAL = new Intl.Collator('en', { numeric: true });

function naturalOrder(a: string, b: string): number {
  return NATURAL.compare(a, b);
}
