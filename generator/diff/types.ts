import type { ComponentKind } from '../model/app.ts';
import type { SourceLocation } from '../model/location.ts';

/**
 * What a difference means for someone running the student's app:
 * - breaking: scenarios built on the reference fail (a missing module or scope, a changed URL...);
 * - behavioural: it runs, but sends or returns something else (another condition, expiry, output);
 * - cosmetic: only what people read changes (labels, help, samples, parameter order);
 * - equivalent: written differently, same meaning (IML spacing, defaults spelled out).
 */
export type ChangeClass = 'breaking' | 'behavioural' | 'cosmetic' | 'equivalent';

export const CHANGE_CLASSES: readonly ChangeClass[] = ['breaking', 'behavioural', 'cosmetic', 'equivalent'];

/** One side of a change: the (normalised) value and where it is written. */
export interface ChangeSide {
  /** Normalised value; absent when this side does not have it. */
  value?: unknown;
  present: boolean;
  location?: SourceLocation;
}

export interface Change {
  /** Stable code, e.g. `D-URL-CHANGED`. */
  code: string;
  class: ChangeClass;
  /** Reference component id (`modules.getMovie`, `connections.academy`, `base`), or the student's when only they have it. */
  component: string;
  /** The student's component id when it differs from the reference's (matched by behaviour). */
  theirsComponent?: string;
  /** Section compared: code type (`communication`, `mappableParams`...) or `meta`. */
  section: string;
  /** Path inside the normalised section, readable: `token.body.redirect_uri`, `0.url`. */
  path: string;
  /** Plain-language explanation: what differs and what it does. */
  message: string;
  /** What to change in the student's app. */
  fix?: string;
  reference: ChangeSide;
  theirs: ChangeSide;
  /** Lint rule ids (from `lintApp` on the student's app) that flag the same place. */
  ruleIds?: string[];
}

/** How a reference component was paired with one of the student's. */
export interface ComponentMatch {
  kind: ComponentKind;
  reference?: string;
  theirs?: string;
  /** `name` when the names agree, `behaviour` when paired by method/path/parameters, absent when unmatched. */
  by?: 'name' | 'behaviour';
  /** 0..1 similarity of what the two do (1 = same method, path, parameters). */
  similarity?: number;
  reason?: string;
}

export interface StepRequestView {
  method: string;
  url: string;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  body?: unknown;
}

export interface StepDifference {
  /** Where inside the step: `requests[0].query.page`, `output.id`... */
  path: string;
  reference?: unknown;
  theirs?: unknown;
  message: string;
}

export interface BehaviourStep {
  scenario: string;
  index: number;
  /** Readable name, e.g. `run searchMovies`. */
  title: string;
  component?: string;
  pass: boolean;
  /** 0 = identical after masking, 1 = nothing in common. */
  distance: number;
  differences: StepDifference[];
  reference: { requests: StepRequestView[]; output?: unknown; error?: string };
  theirs: { requests: StepRequestView[]; output?: unknown; error?: string };
  /** Paths masked because they varied between the two reference runs. */
  masked: string[];
  /** Index of the earlier failing step this one follows from (its connection never came up). */
  followsFrom?: number;
}

export interface BehaviourResult {
  ran: boolean;
  /** Why it did not run, or what went wrong around it. */
  note?: string;
  scenarios: string[];
  steps: BehaviourStep[];
  equivalent: boolean;
}

export interface ComponentGrade {
  component: string;
  theirsComponent?: string;
  pass: boolean;
  /** 0 = same as the reference; grows with the rubric's class weight of each difference. */
  distance: number;
  /** Weight in the grade (rubric; 0 for components the reference does not have). */
  weight: number;
  /** 0..1 share of its weight it earns. */
  credit: number;
  /** Its differences were not confirmed by the scenarios (every step that ran it behaved like the reference). */
  unconfirmed?: boolean;
  counts: Record<ChangeClass, number>;
  /** Scenario steps that exercised this component, and how many behaved like the reference. */
  steps: { total: number; passed: number };
}

export interface Fix {
  component: string;
  code: string;
  class: ChangeClass;
  text: string;
  ruleId?: string;
  location?: SourceLocation;
}

export interface Grade {
  /** 0..100 overall score (rubric: generator/grade/rubric.ts). */
  score: number;
  passMark: number;
  passed: boolean;
  /** Set when a cap of the rubric decided the score. */
  cappedBy?: 'breaking' | 'behavioural' | 'unconfirmed';
  components: ComponentGrade[];
  steps: {
    scenario: string;
    index: number;
    title: string;
    pass: boolean;
    distance: number;
    severity?: 'breaking' | 'behavioural' | 'detail';
  }[];
  fixes: Fix[];
  /** Fixes left out of `fixes` (the list is capped). */
  moreFixes?: number;
}

export type Verdict = 'equivalent' | 'cosmetic' | 'different';

export interface DiffReport {
  /** Shape version of this report (JSON consumers can check it). */
  reportVersion: 1;
  reference: { root: string; layout: string };
  theirs: { root: string; layout: string };
  verdict: Verdict;
  /** True when behaviour (or, without a behaviour run, the structure) shows no breaking/behavioural difference. */
  behaviourEquivalent: boolean;
  matches: ComponentMatch[];
  changes: Change[];
  counts: Record<ChangeClass, number>;
  behaviour: BehaviourResult;
  grade: Grade;
  /** The linter run on the student's app, whose rule ids the fixes cite. */
  lint: { ran: boolean; findings: number; linked: number; note?: string };
  /** Load problems of either app (they may explain differences). */
  loadProblems: { side: 'reference' | 'theirs'; file: string; line: number; message: string }[];
}
