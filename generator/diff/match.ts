import type { AppModel, Component, ComponentKind } from '../model/app.ts';
import { COMPONENT_KINDS, INPUT_PARAMETER_CODE_TYPES } from '../model/app.ts';
import { isObject, mapTemplate } from '../model/index.ts';
import { baseUrlOf } from './normalize-component.ts';
import type { ComponentMatch } from './types.ts';

/** What a component does, reduced to what survives renaming: method, path shape, parameter names. */
export interface Signature {
  method: string;
  /** URL path with every `{{…}}` replaced by `{}` and the base URL removed: `/movies/{}`. */
  path: string;
  params: Set<string>;
  type: string;
}

export function signatureOf(app: AppModel, c: Component): Signature {
  const comm = c.codes.communication?.value;
  const reqs = Array.isArray(comm) ? comm : [comm];
  // The last request with a URL is the one whose output the module returns.
  const req = [...reqs].reverse().find((r) => isObject(r) && typeof r.url === 'string') as
    | Record<string, unknown>
    | undefined;
  const method = typeof req?.method === 'string' ? req.method.toUpperCase() : 'GET';
  const path = req ? pathShape(String(req.url), baseUrlOf(app)) : '';
  const params = new Set<string>();
  for (const t of INPUT_PARAMETER_CODE_TYPES) {
    const v = c.codes[t]?.value;
    if (Array.isArray(v))
      for (const p of v) if (isObject(p) && typeof p.name === 'string') params.add(p.name);
  }
  const type = c.moduleType ?? c.connectionType ?? c.webhookType ?? c.kind;
  return { method, path, params, type };
}

export function pathShape(url: string, baseUrl?: string): string {
  let u = url.trim();
  if (baseUrl && u.startsWith(baseUrl)) u = u.slice(baseUrl.length);
  u = u.replace(/^\{\{[^}]*\}\}/, ''); // a base URL written as IML (`{{common.baseUrl}}/movies`)
  u = u.replace(/^https?:\/\/[^/]+/i, '').replace(/\/api\/v\d+/i, '');
  u = u.split('?')[0];
  u = mapTemplate(
    u,
    (t) => t,
    () => '{}',
  );
  return `/${u.replace(/^\/+/, '').replace(/\/+$/, '')}`;
}

/** 0..1: how alike two components behave. */
export function similarity(a: Signature, b: Signature): number {
  const method = a.method === b.method ? 1 : 0;
  const path = a.path === b.path ? 1 : segmentSimilarity(a.path, b.path);
  const params = jaccard(a.params, b.params);
  const type = a.type === b.type ? 1 : 0.7;
  return Math.round((0.35 * method + 0.45 * path + 0.2 * params) * type * 1000) / 1000;
}

function segmentSimilarity(a: string, b: string): number {
  const sa = a.split('/').filter(Boolean);
  const sb = b.split('/').filter(Boolean);
  if (sa.length === 0 && sb.length === 0) return 1;
  let same = 0;
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) if (sa[i] === sb[i]) same++;
  return same / Math.max(sa.length, sb.length);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

const MIN_SIMILARITY = 0.6;

/**
 * Pairs every reference component with one of the student's: same name first, then by what it
 * does (greedy on similarity, best pair first, ties broken by name for determinism).
 */
export function matchComponents(reference: AppModel, theirs: AppModel): ComponentMatch[] {
  const out: ComponentMatch[] = [];
  for (const kind of COMPONENT_KINDS) {
    const refs = reference.components[kind] ?? {};
    const ths = theirs.components[kind] ?? {};
    const freeRef = new Set(Object.keys(refs).sort());
    const freeTh = new Set(Object.keys(ths).sort());
    for (const name of [...freeRef]) {
      if (freeTh.has(name)) {
        out.push({ kind, reference: name, theirs: name, by: 'name', similarity: 1 });
        freeRef.delete(name);
        freeTh.delete(name);
      }
    }
    const pairs: { r: string; t: string; s: number; why: string }[] = [];
    const thSigs = new Map([...freeTh].map((t) => [t, signatureOf(theirs, ths[t])]));
    for (const r of freeRef) {
      const rs = signatureOf(reference, refs[r]);
      for (const t of freeTh) {
        const ts = thSigs.get(t) as Signature;
        let s = similarity(rs, ts);
        // A lone connection or webhook on each side is the same one whatever its name.
        if ((kind === 'connection' || kind === 'webhook') && freeRef.size === 1 && freeTh.size === 1)
          s = Math.max(s, 0.9);
        pairs.push({ r, t, s, why: describe(kind, rs, ts) });
      }
    }
    pairs.sort((a, b) => b.s - a.s || a.r.localeCompare(b.r) || a.t.localeCompare(b.t));
    for (const p of pairs) {
      if (p.s < MIN_SIMILARITY || !freeRef.has(p.r) || !freeTh.has(p.t)) continue;
      out.push({ kind, reference: p.r, theirs: p.t, by: 'behaviour', similarity: p.s, reason: p.why });
      freeRef.delete(p.r);
      freeTh.delete(p.t);
    }
    for (const r of freeRef) out.push({ kind, reference: r });
    for (const t of freeTh) out.push({ kind, theirs: t });
  }
  return out;
}

function describe(kind: ComponentKind, r: Signature, t: Signature): string {
  if (kind === 'connection' || kind === 'webhook') return `the only ${kind} on each side (${t.type})`;
  const same: string[] = [];
  if (r.method === t.method) same.push(`same method ${r.method}`);
  if (r.path === t.path) same.push(`same path ${r.path}`);
  else same.push(`path ${t.path} vs ${r.path}`);
  const shared = [...r.params].filter((p) => t.params.has(p));
  if (shared.length) same.push(`${shared.length} of ${r.params.size} parameters shared`);
  return same.join(', ');
}
