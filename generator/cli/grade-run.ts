import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { formatClassReport } from '../grade/format/index.ts';
import { createProgress, type Progress } from '../grade/progress.ts';
import { gradeClass } from '../workflow/grade.ts';
import type { GradeFlags } from './commands/grade.ts';
import { EXIT, InputError, UsageError } from './errors.ts';
import { checkOutputPath, inputFiles, writeOutput } from './output-guard.ts';

/** `make-app grade`: flags → the grade workflow → a formatter. Progress goes to stderr only. */
export async function runGrade(paths: string[], o: GradeFlags): Promise<number> {
  if (!existsSync(o.against))
    throw new UsageError(
      o.against === 'dist-app'
        ? 'no reference app: dist-app/ does not exist here; run `make-app build` or pass --against <reference>'
        : `reference "${o.against}" does not exist`,
    );
  for (const [flag, file] of [
    ['--rubric', o.rubric],
    ['--assignment', o.assignment],
    ['--scenario', o.scenario],
  ] as const)
    if (file && !existsSync(file)) throw new UsageError(`${flag} "${file}" does not exist`);
  const jobs = count('--jobs', o.jobs, 0);
  const passMark = count('--pass-mark', o.passMark, 0, 100);
  const timeLimit = count('--time-limit', o.timeLimit, 1);
  const memory = count('--memory', o.memory, 64);
  let pagesDir: string | undefined;
  if (o.output) {
    const keep = inputFiles(o.against, 'a file of the reference app', new Map());
    for (const p of paths) inputFiles(p, 'a submission', keep);
    checkOutputPath('--output', o.output, keep);
    if (o.format === 'html') pagesDir = `${o.output.replace(/\.html?$/i, '')}-students`;
  }
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
    ...(pagesDir ? { pagesDir: ensureDir(pagesDir) } : {}),
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

function ensureDir(dir: string): string {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new InputError(`cannot create the folder for student pages: ${(e as Error).message}`, {
      file: dir,
    });
  }
  return dir;
}
