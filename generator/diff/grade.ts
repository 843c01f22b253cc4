import { type ChangeTopic, componentId, type Diagnostic, groupBy } from '../model/index.ts';
import { fromPointer } from '../model/location.ts';
import { CHANGE_CODES } from './codes.ts';
import { componentWeight, DEFAULT_RUBRIC, type Rubric } from './rubric.ts';
import type {
  BehaviourResult,
  BehaviourStep,
  Change,
  ChangeClass,
  ComponentGrade,
  ComponentMatch,
  Fix,
  Grade,
} from './types.ts';

const MAX_FIXES = 20;

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
 * Scores a diff with the rubric (see grade/rubric.ts for the method): per component, pass when
 * nothing breaking or behavioural differs and every scenario step that ran it behaves the same;
 * credit and caps from the rubric. Fixes: every non-equivalent change, breaking first.
 */
export function gradeDiff(
  changes: Change[],
  matches: ComponentMatch[],
  behaviour: BehaviourResult,
  rubric: Rubric = DEFAULT_RUBRIC,
): Grade {
  const extras = new Set(
    matches
      .filter((m) => !m.reference && m.theirs)
      .map((m) => componentId({ kind: m.kind, name: m.theirs! })),
  );
  const counted = changes.filter((c) => rubric.penaliseExtras || !extras.has(c.component));
  const { components, unconfirmed } = gradeComponents(counted, matches, behaviour, rubric, extras);
  const steps = behaviour.steps.map(gradeStep);
  const cap = capOf(counted, unconfirmed, steps, rubric);
  let score = uncappedScore(components, steps, counted, rubric);
  if (cap && score > cap.at) score = cap.at;
  score = Math.max(0, Math.min(100, Math.round(score)));
  const { fixes, more } = fixesOf(counted);
  return {
    score,
    passMark: rubric.passMark,
    passed: score >= rubric.passMark,
    ...(cap && score >= cap.at ? { cappedBy: cap.by } : {}),
    components,
    steps,
    fixes,
    ...(more > 0 ? { moreFixes: more } : {}),
  };
}

type StepGrade = Grade['steps'][number];

/**
 * Every component either app has (the reference's name for matched ones), plus base, graded in
 * id order; `unconfirmed` holds the failing ones whose differences no scenario step confirmed.
 */
function gradeComponents(
  counted: Change[],
  matches: ComponentMatch[],
  behaviour: BehaviourResult,
  rubric: Rubric,
  extras: Set<string>,
): { components: ComponentGrade[]; unconfirmed: Set<string> } {
  const byComponent = groupBy(counted, (c) => c.component);
  const ids = new Set<string>(['base', ...byComponent.keys()]);
  for (const m of matches) ids.add(componentId({ kind: m.kind, name: m.reference ?? m.theirs! }));
  const stepsOf = groupBy(behaviour.steps, (st) => st.component);

  const unconfirmed = new Set<string>();
  const components = [...ids].sort().map((id) => {
    // base is merged into every module's request: every step exercises it
    const steps = id === 'base' ? behaviour.steps : (stepsOf.get(id) ?? []);
    const weight = extras.has(id) ? 0 : componentWeight(rubric, id);
    const grade = gradeComponent(id, byComponent.get(id) ?? [], steps, weight, rubric);
    if (grade.unconfirmed && !grade.pass) unconfirmed.add(id);
    return grade;
  });
  return { components, unconfirmed };
}

/** One component from its changes and the scenario steps that ran it. */
function gradeComponent(
  id: string,
  list: Change[],
  steps: BehaviourStep[],
  weight: number,
  rubric: Rubric,
): ComponentGrade {
  const counts = countClasses(list);
  const failing = steps.filter((st) => !st.pass);
  // behaviour decides: only steps that really went differently confirm the structural differences
  const confirmed = steps.length === 0 || failing.some((st) => stepSeverity(st) !== 'detail');
  // base's own credit comes from its changes; the steps only confirm them
  const own = id === 'base' ? [] : failing;
  const distance =
    list.reduce((n, c) => n + rubric.classWeights[c.class], 0) + own.reduce((n, st) => n + st.distance, 0);
  const theirs = list.find((c) => c.theirsComponent)?.theirsComponent;
  const pass = counts.breaking + counts.behavioural === 0 && own.length === 0;
  const credit = pass ? 1 : confirmed ? Math.max(0, 1 - distance) : 1 - rubric.unconfirmedWeight;
  return {
    component: id,
    ...(confirmed ? {} : { unconfirmed: true }),
    ...(theirs ? { theirsComponent: theirs } : {}),
    pass,
    distance: Math.round(distance * 100) / 100,
    weight,
    credit,
    counts,
    steps: { total: steps.length, passed: steps.length - failing.length },
  };
}

function gradeStep(s: BehaviourStep): StepGrade {
  const severity = stepSeverity(s);
  return {
    scenario: s.scenario,
    index: s.index,
    title: s.title,
    pass: s.pass,
    distance: s.distance,
    ...(severity ? { severity } : {}),
  };
}

/**
 * The score before caps: weighted component credit and step credit, shared by the rubric's
 * behaviour share (all component credit when no step ran), less the cosmetic points.
 */
function uncappedScore(
  components: ComponentGrade[],
  steps: StepGrade[],
  counted: Change[],
  rubric: Rubric,
): number {
  const totalWeight = components.reduce((n, c) => n + c.weight, 0);
  const componentPart =
    totalWeight === 0 ? 1 : components.reduce((n, c) => n + c.weight * c.credit, 0) / totalWeight;
  const share = steps.length > 0 ? rubric.behaviourShare : 0;
  const stepCredit = (s: StepGrade) => (s.pass ? 1 : s.severity === 'detail' ? rubric.detailStepCredit : 0);
  const stepPart = steps.length > 0 ? steps.reduce((n, s) => n + stepCredit(s), 0) / steps.length : 1;
  const counts = countClasses(counted);
  const cosmetic = Math.min(rubric.cosmeticMaxPoints, counts.cosmetic * rubric.cosmeticPoints);
  return 100 * ((1 - share) * componentPart + share * stepPart) - cosmetic;
}

/**
 * The rubric's cap on the score, worst first: a confirmed breaking change or breaking step, then
 * a confirmed behavioural change or any failing step, then differences no step confirmed.
 */
function capOf(
  counted: Change[],
  unconfirmed: Set<string>,
  steps: StepGrade[],
  rubric: Rubric,
): { by: NonNullable<Grade['cappedBy']>; at: number } | undefined {
  const confirmedCounts = countClasses(counted.filter((c) => !unconfirmed.has(c.component)));
  if (confirmedCounts.breaking > 0 || steps.some((s) => s.severity === 'breaking'))
    return { by: 'breaking', at: rubric.breakingCap };
  if (confirmedCounts.behavioural > 0 || steps.some((s) => !s.pass))
    return { by: 'behavioural', at: rubric.behaviouralCap };
  if (unconfirmed.size > 0) return { by: 'unconfirmed', at: rubric.unconfirmedCap };
  return undefined;
}

const CLASS_RANK: Record<ChangeClass, number> = { breaking: 0, behavioural: 1, cosmetic: 2, equivalent: 3 };

/** A fix for every non-equivalent change that has one, breaking first, at most MAX_FIXES; `more` counts the rest. */
function fixesOf(counted: Change[]): { fixes: Fix[]; more: number } {
  const fixable = counted.filter((c) => c.fix && c.class !== 'equivalent');
  const fixes: Fix[] = fixable
    .sort((a, b) => CLASS_RANK[a.class] - CLASS_RANK[b.class])
    .slice(0, MAX_FIXES)
    .map((c) => ({
      component: c.theirsComponent ?? c.component,
      code: c.code,
      class: c.class,
      text: c.fix as string,
      ...(c.ruleIds?.length ? { ruleId: c.ruleIds[0] } : {}),
      ...(c.theirs.location ? { location: c.theirs.location } : {}),
    }));
  return { fixes, more: fixable.length - fixes.length };
}

/**
 * How bad a failing step is: breaking when the student's app errors where the reference does not,
 * or calls an endpoint (method and path) the reference's never calls in that step; a detail when
 * only headers, query or body of paired requests differ (the answers and the output are the same).
 */
function stepSeverity(s: BehaviourStep): 'breaking' | 'behavioural' | 'detail' | undefined {
  if (s.pass) return undefined;
  if (s.theirs.error && !s.reference.error) return 'breaking';
  const theirs = new Set(s.theirs.requests.map(endpointKey));
  if (s.reference.requests.some((r) => !theirs.has(endpointKey(r)))) return 'breaking';
  if (s.differences.length > 0 && s.differences.every((d) => DETAIL.test(d.path))) return 'detail';
  return 'behavioural';
}

/**
 * Differences in what a request carries, not in where it goes, what came back or what came out
 * (a connection's `metadata` only labels it in Make's interface; its `uid` routes shared webhooks only).
 */
const DETAIL = /^(requests\[\d+\]\.(headers|query|body)|output\[\d+\]\.(metadata|uid))\b/;

/** Method and path, with generated ids blurred: the endpoint a request goes to. */
function endpointKey(r: { method: string; url: string }): string {
  const path = r.url
    .split('?')[0]
    .split('/')
    .map((seg) => (/\d/.test(seg) && seg.length >= 3 && !/^v\d+$/.test(seg) ? '*' : seg))
    .join('/');
  return `${r.method.toUpperCase()} ${path}`;
}
