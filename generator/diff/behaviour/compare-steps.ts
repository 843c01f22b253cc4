import type { RequestRecord, SimulationReport, StepReport } from '../../simulate/types.ts';
import { stableJson } from '../compare-tree.ts';
import { show } from '../explain.ts';
import { isObject } from '../tracked.ts';
import type { BehaviourStep, StepDifference, StepRequestView } from '../types.ts';

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

export function requestView(r: RequestRecord): StepRequestView {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers ?? {}))
    if (!TRANSPORT_HEADERS.has(k.toLowerCase())) headers[k.toLowerCase()] = v;
  // multipart boundaries are random by nature
  if (headers['content-type']?.startsWith('multipart/')) headers['content-type'] = 'multipart/form-data';
  return {
    method: r.method,
    url: r.url,
    query: r.query ?? {},
    headers,
    ...(r.body !== undefined ? { body: r.body } : {}),
  };
}

/** What is compared in one step: the error, each request (with its status) and the output bundles. */
export function stepView(s: StepReport | undefined): Record<string, unknown> {
  if (!s) return {};
  return {
    ...(s.error ? { error: { type: s.error.type, message: s.error.message } } : {}),
    requests: s.requests.map((r) => ({
      ...requestView(r),
      ...(r.status !== undefined ? { status: r.status } : {}),
    })),
    output: s.output ?? [],
  };
}

/** Leaf paths of a JSON value: `requests[0].query.page` → value; arrays also give `.length`. */
export function flatten(v: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(v)) {
    out.set(`${prefix}.length`.replace(/^\./, ''), v.length);
    v.forEach((x, i) => flatten(x, `${prefix}[${i}]`, out));
  } else if (isObject(v)) {
    const keys = Object.keys(v);
    if (keys.length === 0 && prefix) out.set(prefix, {});
    for (const k of keys) flatten(v[k], prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) out.set(prefix, v);
  return out;
}

/** Paths whose value changes between two runs of the same app (timestamps, generated ids, tokens). */
export function noisyPaths(a: StepReport | undefined, b: StepReport | undefined): Set<string> {
  const fa = flatten(stepView(a));
  const fb = flatten(stepView(b));
  const out = new Set<string>();
  for (const k of new Set([...fa.keys(), ...fb.keys()]))
    if (!fb.has(k) || !fa.has(k) || stableJson(fa.get(k)) !== stableJson(fb.get(k))) out.add(k);
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
): BehaviourStep[] {
  const out: BehaviourStep[] = [];
  for (const rs of ref.scenarios) {
    const alt = refAlt.scenarios.find((s) => s.name === rs.name);
    const ts = theirs.scenarios.find((s) => s.name === rs.name);
    const n = Math.max(rs.steps.length, ts?.steps.length ?? 0);
    for (let i = 0; i < n; i++) {
      const r = rs.steps[i];
      const t = ts?.steps[i];
      const masked = noisyPaths(r, alt?.steps[i]);
      const fr = flatten(stepView(r));
      const ft = flatten(stepView(t));
      const differences: StepDifference[] = [];
      let compared = 0;
      for (const k of [...new Set([...fr.keys(), ...ft.keys()])].sort(naturalOrder)) {
        if (isMasked(k, masked)) continue;
        compared++;
        const inR = fr.has(k);
        const inT = ft.has(k);
        if (inR && inT && stableJson(fr.get(k)) === stableJson(ft.get(k))) continue;
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
      }
      const total = differences.length;
      const listed =
        total > MAX_LISTED
          ? [
              ...differences.slice(0, MAX_LISTED),
              { path: '…', message: `${total - MAX_LISTED} more differences` },
            ]
          : differences;
      out.push({
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

function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
