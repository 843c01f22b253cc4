import { type AppModel, type Component, componentId } from '../model/app.ts';
import { isObject } from '../model/index.ts';
import { ownValue } from './own-key.ts';
import type { ComponentMatch } from './types.ts';

/** Number of requests each matched module/RPC of the student sends (id is the reference's). */
export function requestsPerComponent(theirs: AppModel, matches: ComponentMatch[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of matches) {
    if ((m.kind !== 'module' && m.kind !== 'rpc') || !m.reference || !m.theirs) continue;
    const comm = ownValue(theirs.components[m.kind], m.theirs)?.codes.communication?.value;
    const reqs = (Array.isArray(comm) ? comm : [comm]).filter(
      (q) => isObject(q) && typeof q.url === 'string',
    );
    if (reqs.length) out.set(componentId({ kind: m.kind, name: m.reference }), reqs.length);
  }
  return out;
}

/** Every scope the app's modules and webhooks declare. */
export function componentScopes(app: AppModel): Set<string> {
  const out = new Set<string>();
  for (const c of [
    ...Object.values(app.components.module ?? {}),
    ...Object.values(app.components.webhook ?? {}),
  ]) {
    for (const v of [c.codes.scope?.value, c.codes.requiredScope?.value])
      if (Array.isArray(v)) for (const s of v) out.add(String(s));
  }
  return out;
}

/** Keys an app's connections store in `response.data` (read elsewhere as `connection.<key>`). */
export function storedKeys(app: AppModel): Set<string> {
  const keys = new Set<string>();
  const visit = (req: unknown) => {
    if (!isObject(req) || !isObject(req.response) || !isObject(req.response.data)) return;
    for (const k of Object.keys(req.response.data)) keys.add(k);
  };
  for (const c of Object.values(app.components.connection ?? {})) {
    const comm = c.codes.communication?.value;
    if (Array.isArray(comm)) comm.forEach(visit);
    else if (isObject(comm)) {
      visit(comm);
      for (const v of Object.values(comm)) visit(v);
    }
    // Connection parameters are stored too (`connection.apiKey` in a basic connection).
    const params = c.codes.params?.value;
    if (Array.isArray(params))
      for (const p of params) if (isObject(p) && typeof p.name === 'string') keys.add(p.name);
  }
  return keys;
}

/** Names of the parameters a component requires. */
export function requiredParams(c: Component): Set<string> {
  const out = new Set<string>();
  for (const t of ['staticParams', 'mappableParams'] as const) {
    const v = c.codes[t]?.value;
    if (Array.isArray(v))
      for (const p of v)
        if (isObject(p) && p.required === true && typeof p.name === 'string') out.add(p.name);
  }
  return out;
}
