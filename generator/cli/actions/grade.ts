import path from 'node:path';
import { formatClassReport } from '../../grade/format/index.ts';
import type { ClassFormat } from '../../grade/format/names.ts';
import { createProgress, type Progress } from '../../grade/progress.ts';
import { gradeClass } from '../../workflow/grade.ts';
import { writeOutput } from '../../workflow/output-guard.ts';
import { EXIT, UsageError } from '../errors.ts';

export interface GradeFlags {
  against: string;
  format: ClassFormat;
  output?: string;
  jobs?: string;
  passMark?: string;
  rubric?: string;
  assignment?: string;
  scenario?: string;
  behaviour: boolean;
  timeLimit?: string;
  memory?: string;
}

/** `make-app grade`: flags → the grade workflow → a formatter. Progress goes to stderr only. */
export async function runGrade(paths: string[], o: GradeFlags): Promise<number> {
  const jobs = count('--jobs', o.jobs, 0);
  const passMark = count('--pass-mark', o.passMark, 0, 100);
  const timeLimit = count('--time-limit', o.timeLimit, 1);
  const memory = count('--memory', o.memory, 64);
  const pagesDir =
    o.output && o.format === 'html' ? `${o.output.replace(/\.html?$/i, '')}-students` : undefined;
  let progress: Progress | undefined;
  const report = await gradeClass({
    paths,
    against: o.against,
    behaviour: o.behaviour,
    ...(jobs !== undefined ? { jobs } : {}),
    ...(passMark !== undefined ? { passMark } : {}),
    ...(o.rubric ? { rubric: o.rubric } : {}),
    ...(o.assignment ? { assignment: o.assignment } : {}),
    ...(o.scenario ? { scenarios: o.scenario } : {}),
    ...(o.output ? { output: o.output } : {}),
    ...(pagesDir ? { pagesDir } : {}),
    ...(timeLimit !== undefined ? { timeLimitMs: timeLimit * 1000 } : {}),
    ...(memory !== undefined ? { memoryMb: memory } : {}),
    onStart: (total) => {
      progress = createProgress(total);
    },
    onStudent: () => progress?.tick(),
  });
  progress?.done();
  if (pagesDir) for (const s of report.students) if (s.page) s.page = `${path.basename(pagesDir)}/${s.page}`;
  const text = formatClassReport(report, o.format);
  if (o.output) writeOutput(o.output, text);
  else process.stdout.write(text);
  return report.students.every((s) => s.passed) ? EXIT.ok : EXIT.findings;
}

function count(
  flag: string,
  v: string | undefined,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || n < min || n > max)
    throw new UsageError(
      `${flag} must be a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}`,
    );
  return n;
}
