import { isObject } from '../../model/index.ts';
import type { Scenario, ScenarioStep } from '../../simulate/index.ts';
import type { ComponentMatch } from '../types.ts';

/** Field of each step kind that names a component, and that component's kind. */
const NAMED: Record<string, [field: string, kind: string][]> = {
  connect: [['connection', 'connection']],
  run: [['module', 'module']],
  rpc: [['name', 'rpc']],
  epoch: [['module', 'module']],
  attachWebhook: [['webhook', 'webhook']],
  detachWebhook: [['webhook', 'webhook']],
  createMovie: [['connection', 'connection']],
  apiCall: [['connection', 'connection']],
  deliverWebhook: [['module', 'module']],
  deleteConnection: [['connection', 'connection']],
};

/**
 * The reference's scenarios rewritten for the student's app: every component the reference names
 * becomes the student's component matched to it. Steps whose component the student lacks stay as
 * they are (the simulator then reports the missing component as that step's error).
 */
export function renameScenario(
  s: Scenario,
  matches: ComponentMatch[],
  params: Map<string, Map<string, string>> = new Map(),
): Scenario {
  const map = new Map<string, string>();
  for (const m of matches) if (m.reference && m.theirs) map.set(`${m.kind}:${m.reference}`, m.theirs);
  const steps = s.steps.map((step) => {
    const [kind, body] = Object.entries(step)[0] as [string, unknown];
    if (!body || typeof body !== 'object') return step;
    const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
    for (const [field, compKind] of Object.hasOwn(NAMED, kind) ? NAMED[kind] : []) {
      const name = copy[field];
      if (typeof name !== 'string') continue;
      copy[field] = map.get(`${compKind}:${name}`) ?? name;
      const renames = params.get(`${compKind}:${name}`);
      for (const key of ['parameters', 'inputs'])
        if (renames && isObject(copy[key])) copy[key] = renameKeys(copy[key], renames);
    }
    return { [kind]: copy } as ScenarioStep;
  });
  return { ...s, steps };
}

function renameKeys(o: Record<string, unknown>, renames: Map<string, string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [renames.get(k) ?? k, v]));
}
