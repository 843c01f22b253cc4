import type { ChangeClass } from '../diff/types.ts';

/** One change of a student's app, as the class report lists it. */
export interface StudentChange {
  code: string;
  class: ChangeClass;
  component: string;
}

/** One student's row: always present, also when grading that student failed (`error`). */
export interface StudentRow {
  /** The submission as given (folder, bundle JSON or .zip), relative to where the run started when inside it. */
  path: string;
  /** 0..100; 0 when the submission could not be graded. */
  grade: number;
  passed: boolean;
  /** Same behaviour as the reference (no breaking or behavioural difference, every step the same). */
  equivalent: boolean;
  /** Why this submission could not be graded (unreadable, time limit, memory cap, crash). */
  error?: string;
  changes: StudentChange[];
  counts: Record<ChangeClass, number>;
  /** The first fixes, breaking first. */
  fixes: string[];
  /** The student's own diff page, relative to the class page (HTML reports). */
  page?: string;
}

export interface MistakeCount {
  code: string;
  class: ChangeClass;
  /** How many students made it (each counted once). */
  students: number;
  summary: string;
}

export interface ClassSummary {
  students: number;
  passed: number;
  failed: number;
  errors: number;
  equivalent: number;
  passMark: number;
  mean: number;
  median: number;
  /** Students per grade band: [0-9], [10-19] … [90-99], [100]. */
  distribution: number[];
  /** The most common mistakes across the class, by change code. */
  mistakes: MistakeCount[];
}

export interface ClassReport {
  reportVersion: 1;
  reference: {
    root: string;
    /** Lint findings on the reference (it is linted once per run). */
    lintFindings: number;
    scenarios: string[];
    scenarioSource: string;
    assignment?: string;
  };
  students: StudentRow[];
  summary: ClassSummary;
}
