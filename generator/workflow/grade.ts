import { existsSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { DEFAULT_RUBRIC, type Rubric } from '../diff/rubric.ts';
import { assignmentRubric } from '../grade/assignment.ts';
import { discoverSubmissions } from '../grade/discover.ts';
import { type GradeContext, gradeStudent } from '../grade/grade-student.ts';
import { DEFAULT_LIMITS, gradeInPool } from '../grade/pool.ts';
import { prepareReference } from '../grade/prepare-reference.ts';
import { loadRubric } from '../grade/rubric-config.ts';
import { summarize } from '../grade/summary.ts';
import type { ClassReport, StudentRow } from '../grade/types.ts';
import { InputError, UsageError } from '../model/errors.ts';
import { checkOutputPath, inputFiles } from './output-guard.ts';

export interface GradeOptions {
  /** Submissions, or folders of them. */
  paths: string[];
  /** The reference app (default `dist-app`). */
  against?: string;
  /** Worker threads (default: the number of cores); 0 grades in this thread (no isolation: tests, debugging). */
  jobs?: number;
  passMark?: number;
  /** A rubric config file overriding grade/rubric.ts. */
  rubric?: string | Rubric;
  /** An assignment YAML file. */
  assignment?: string;
  scenarios?: string;
  behaviour?: boolean;
  /** Write each student's diff page into this folder (the HTML report links to them). */
  pagesDir?: string;
  /** The report file the caller will write, checked before any work (never an input). */
  output?: string;
  timeLimitMs?: number;
  memoryMb?: number;
  /** Called after each student (progress). */
  onStudent?: (row: StudentRow, done: number, total: number) => void;
  /** Called once the class is known, before grading starts. */
  onStart?: (total: number) => void;
}

/** Grades a class against the reference: one row per submission, in a stable order, and a summary. */
export async function gradeClass(opts: GradeOptions): Promise<ClassReport> {
  const against = opts.against ?? 'dist-app';
  checkInputs(opts, against);
  const baseRubric =
    typeof opts.rubric === 'string' ? loadRubric(opts.rubric) : (opts.rubric ?? DEFAULT_RUBRIC);
  const behaviour = opts.behaviour !== false;
  const prepared = await prepareReference({
    against,
    behaviour,
    ...(opts.assignment ? { assignment: opts.assignment } : {}),
    ...(opts.scenarios ? { scenarios: opts.scenarios } : {}),
  });
  const rubric: Rubric = assignmentRubric(
    { ...baseRubric, ...(opts.passMark !== undefined ? { passMark: opts.passMark } : {}) },
    prepared.assignment,
  );
  const tasks = discoverSubmissions(opts.paths).map((s, index) => ({ index, file: s.file, label: s.label }));
  opts.onStart?.(tasks.length);
  let done = 0;
  const onRow = (row: StudentRow) => opts.onStudent?.(row, ++done, tasks.length);
  const jobs = opts.jobs ?? availableParallelism();
  let students: StudentRow[];
  if (jobs === 0) {
    const ctx: GradeContext = {
      reference: prepared.reference,
      rubric,
      behaviour,
      ...(prepared.runs ? { referenceRuns: prepared.runs } : {}),
      ...(prepared.assignment ? { assignment: prepared.assignment } : {}),
      ...(opts.pagesDir ? { pagesDir: opts.pagesDir } : {}),
    };
    students = [];
    for (const t of tasks) {
      const row = await gradeStudent(t, ctx);
      students.push(row);
      onRow(row);
    }
  } else {
    students = await gradeInPool(
      tasks,
      {
        against: path.resolve(against),
        rubric,
        behaviour,
        ...(prepared.runs ? { referenceRuns: prepared.runs } : {}),
        ...(prepared.assignment ? { assignment: prepared.assignment } : {}),
        ...(opts.pagesDir ? { pagesDir: path.resolve(opts.pagesDir) } : {}),
      },
      {
        jobs,
        timeLimitMs: opts.timeLimitMs ?? DEFAULT_LIMITS.timeLimitMs,
        memoryMb: opts.memoryMb ?? DEFAULT_LIMITS.memoryMb,
      },
      onRow,
    );
  }
  return {
    reportVersion: 1,
    reference: {
      root: prepared.full.root,
      lintFindings: prepared.lintFindings,
      scenarios: prepared.runs?.scenarios.map((s) => s.name) ?? [],
      scenarioSource: prepared.runs?.source ?? 'behaviour not compared',
      ...(prepared.assignment ? { assignment: prepared.assignment.name } : {}),
    },
    students,
    summary: summarize(students, rubric.passMark),
  };
}

/** Usage mistakes are found before any work: missing inputs, an output that would overwrite one. */
function checkInputs(opts: GradeOptions, against: string): void {
  if (!existsSync(against))
    throw new UsageError(
      against === 'dist-app'
        ? 'no reference app: dist-app/ does not exist here; run `make-app build` or pass --against <reference>'
        : `reference "${against}" does not exist`,
    );
  for (const [flag, file] of [
    ['--rubric', typeof opts.rubric === 'string' ? opts.rubric : undefined],
    ['--assignment', opts.assignment],
    ['--scenario', opts.scenarios],
  ] as const)
    if (file && !existsSync(file)) throw new UsageError(`${flag} "${file}" does not exist`);
  if (opts.output) {
    const keep = inputFiles(against, 'a file of the reference app', new Map());
    for (const p of opts.paths) inputFiles(p, 'a submission', keep);
    checkOutputPath('--output', opts.output, keep);
  }
  if (opts.pagesDir) {
    try {
      mkdirSync(opts.pagesDir, { recursive: true });
    } catch (e) {
      throw new InputError(`cannot create the folder for student pages: ${(e as Error).message}`, {
        file: opts.pagesDir,
      });
    }
  }
}
