import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ReferenceRuns } from '../diff/behaviour/index.ts';
import { diffApps } from '../diff/index.ts';
import { matchComponents } from '../diff/match.ts';
import type { Rubric } from '../diff/rubric.ts';
import type { DiffReport } from '../diff/types.ts';
import { loadApp } from '../load/index.ts';
import { type AppModel, componentId } from '../model/app.ts';
import { type Assignment, restrictReference } from './assignment.ts';
import type { StudentRow } from './types.ts';
import { extractSubmission } from './unzip.ts';

/** Everything needed to grade one student, prepared once per run (or once per worker). */
export interface GradeContext {
  /** The reference, already restricted to the assignment when there is one. */
  reference: AppModel;
  referenceRuns?: ReferenceRuns;
  rubric: Rubric;
  assignment?: Assignment;
  behaviour: boolean;
  /** Write each student's diff page here (HTML class reports). */
  pagesDir?: string;
}

export interface StudentTask {
  index: number;
  file: string;
  label: string;
}

const MAX_FIXES_IN_ROW = 5;

/** Grades one submission; every failure to do so becomes the row's `error`. */
export async function gradeStudent(task: StudentTask, ctx: GradeContext): Promise<StudentRow> {
  let tmp: string | undefined;
  try {
    let target = task.file;
    if (/\.zip$/i.test(task.file)) {
      const x = await extractSubmission(task.file);
      tmp = x.dir;
      target = x.app;
    }
    const theirs = loadApp(target);
    if (Object.values(theirs.components).every((byName) => Object.keys(byName).length === 0)) {
      const first = theirs.diagnostics.find((d) => d.severity === 'error');
      return errorRow(task, `holds no components${first ? `: ${first.message}` : ''}`);
    }
    const report = await diffApps(theirs, ctx.reference, {
      behaviour: ctx.behaviour,
      rubric: ctx.rubric,
      ...(ctx.referenceRuns ? { referenceRuns: ctx.referenceRuns } : {}),
      ...(ctx.assignment ? { ignore: skippedOptional(ctx.reference, theirs, ctx.assignment) } : {}),
    });
    const row = rowOf(task, report);
    if (ctx.pagesDir) {
      const { formatHtml } = await import('../diff/format/html.ts');
      row.page = pageName(task);
      writeFileSync(path.join(ctx.pagesDir, row.page), formatHtml(report));
    }
    return row;
  } catch (e) {
    return errorRow(task, (e as Error).message || String(e));
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

/** Optional components of the assignment the student did not implement: neither required nor penalised. */
export function skippedOptional(reference: AppModel, theirs: AppModel, a: Assignment): Set<string> {
  const matched = new Set(
    matchComponents(reference, theirs)
      .filter((m) => m.reference && m.theirs)
      .map((m) => componentId({ kind: m.kind, name: m.reference! })),
  );
  return new Set(a.optional.filter((id) => !matched.has(id)));
}

function rowOf(task: StudentTask, report: DiffReport): StudentRow {
  const changes = report.changes
    .filter((c) => c.class !== 'equivalent')
    .map((c) => ({ code: c.code, class: c.class, component: c.component }));
  return {
    path: task.label,
    grade: report.grade.score,
    passed: report.grade.passed,
    equivalent: report.behaviourEquivalent,
    changes,
    counts: report.counts,
    fixes: report.grade.fixes.slice(0, MAX_FIXES_IN_ROW).map((f) => f.text),
  };
}

export function errorRow(task: Pick<StudentTask, 'label'>, error: string): StudentRow {
  return {
    path: task.label,
    grade: 0,
    passed: false,
    equivalent: false,
    error,
    changes: [],
    counts: { breaking: 0, behavioural: 0, cosmetic: 0, equivalent: 0 },
    fixes: [],
  };
}

/** `007-alice.html`: numbered so that two students with the same folder name never share a page. */
function pageName(task: Pick<StudentTask, 'index' | 'label'>): string {
  const slug = path
    .basename(task.label)
    .replace(/\.(zip|json)$/i, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .slice(0, 60);
  return `${String(task.index + 1).padStart(3, '0')}-${slug || 'student'}.html`;
}

export { restrictReference };
