import type { ChangeTopic, Diagnostic } from '../model/index.ts';
import { fromPointer } from '../model/location.ts';
import { CHANGE_CODES } from './codes.ts';
import type {
  BehaviourResult,
  Change,
  ChangeClass,
  ComponentGrade,
  ComponentMatch,
  Fix,
  Grade,
} from './types.ts';

export const CLASS_WEIGHT: Record<ChangeClass, number> = {
  breaking: 1,
  behavioural: 0.5,
  cosmetic: 0.1,
  equivalent: 0,
};
const MAX_FIXES = 12;

/**
 * Lint findings on the student's app that sit where a change is and are about the same thing: the
 * change code's declared topics (codes.ts) meet the topics the finding's rule declares it explains.
 */
export function linkDiagnostics(
  changes: Change[],
  diagnostics: Diagnostic[],
  explains: (ruleId: string) => readonly ChangeTopic[],
): void {
  for (const ch of changes) {
    const loc = ch.theirs.location;
    if (!loc || ch.class === 'equivalent') continue;
    const ids = new Set<string>();
    const theirsId = ch.theirsComponent ?? ch.component;
    // Something missing, or a scope list, has no precise place of its own: a topical finding
    // anywhere in the same component explains it (e.g. "GET needs the read scope" on the request).
    const imprecise = !ch.theirs.present || /scope/i.test(ch.section);
    for (const d of diagnostics) {
      const topics = CHANGE_CODES[ch.code]?.topics ?? [];
      const topical = explains(d.ruleId).some((t) => topics.includes(t));
      if (!topical) continue;
      const sameFile = d.file === loc.file;
      const overlap = sameFile && (isPrefix(d.pointer, loc.pointer) || isPrefix(loc.pointer, d.pointer));
      const sameLine = sameFile && d.line === loc.line;
      // A missing field is only explained by a finding that names that very field (a missing
      // `state` is not explained by a redirect_uri mismatch found in the same connection).
      const namesField = !FIELD_CODES.test(ch.code) || d.message.includes(lastSegment(ch.path));
      const sameComponent = imprecise && d.component !== undefined && d.component === theirsId && namesField;
      if (overlap || sameLine || sameComponent) ids.add(d.ruleId);
    }
    if (ids.size > 0) ch.ruleIds = [...ids].sort();
  }
}

const FIELD_CODES = /QUERY|BODY|HEADER|PARAM/;

function lastSegment(path: string): string {
  return path.split('.').pop() ?? path;
}

function isPrefix(a: string, b: string): boolean {
  const sa = fromPointer(a);
  const sb = fromPointer(b);
  return sa.length <= sb.length && sa.every((s, i) => s === sb[i]);
}

export function countClasses(changes: Change[]): Record<ChangeClass, number> {
  const counts: Record<ChangeClass, number> = { breaking: 0, behavioural: 0, cosmetic: 0, equivalent: 0 };
  for (const c of changes) counts[c.class]++;
  return counts;
}

/**
 * Per component: pass when nothing breaking or behavioural differs and every scenario step that
 * ran it behaves the same; distance is the weighted count of its changes plus its failing steps'
 * distances. Per scenario step: pass and distance from the behaviour run. The score is
 * the share of passing components and steps, 0..100. Fixes: the breaking ones first.
 */
export function gradeDiff(changes: Change[], matches: ComponentMatch[], behaviour: BehaviourResult): Grade {
  const byComponent = new Map<string, Change[]>();
  for (const c of changes) {
    const list = byComponent.get(c.component) ?? [];
    list.push(c);
    byComponent.set(c.component, list);
  }
  const ids = new Set<string>(['base', ...byComponent.keys()]);
  for (const m of matches) ids.add(`${m.kind}s.${m.reference ?? m.theirs}`);
  const stepsOf = new Map<string, BehaviourResult['steps']>();
  for (const st of behaviour.steps)
    if (st.component) stepsOf.set(st.component, [...(stepsOf.get(st.component) ?? []), st]);
  const components: ComponentGrade[] = [...ids].sort().map((id) => {
    const list = byComponent.get(id) ?? [];
    const counts = countClasses(list);
    const steps = stepsOf.get(id) ?? [];
    const failing = steps.filter((st) => !st.pass);
    const weight =
      list.reduce((n, c) => n + CLASS_WEIGHT[c.class], 0) + failing.reduce((n, st) => n + st.distance, 0);
    const theirs = list.find((c) => c.theirsComponent)?.theirsComponent;
    return {
      component: id,
      ...(theirs ? { theirsComponent: theirs } : {}),
      pass: counts.breaking + counts.behavioural === 0 && failing.length === 0,
      distance: Math.round(weight * 100) / 100,
      counts,
      steps: { total: steps.length, passed: steps.length - failing.length },
    };
  });

  const steps = behaviour.steps.map((s) => ({
    scenario: s.scenario,
    index: s.index,
    title: s.title,
    pass: s.pass,
    distance: s.distance,
  }));
  const total = components.length + steps.length;
  const passed = components.filter((c) => c.pass).length + steps.filter((s) => s.pass).length;
  const score = total === 0 ? 100 : Math.round((100 * passed) / total);

  const rank: Record<ChangeClass, number> = { breaking: 0, behavioural: 1, cosmetic: 2, equivalent: 3 };
  const fixes: Fix[] = changes
    .filter((c) => c.fix && (c.class === 'breaking' || c.class === 'behavioural'))
    .sort((a, b) => rank[a.class] - rank[b.class])
    .slice(0, MAX_FIXES)
    .map((c) => ({
      component: c.theirsComponent ?? c.component,
      code: c.code,
      text: c.fix as string,
      ...(c.ruleIds?.length ? { ruleId: c.ruleIds[0] } : {}),
      ...(c.theirs.location ? { location: c.theirs.location } : {}),
    }));
  return { score, components, steps, fixes };
}
