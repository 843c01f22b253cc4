/**
 * Class grading cost: builds a class of N submissions from the reference (a third correct, a third
 * reformatted, a third with one mutation each), grades it with `make-app grade`, and times a few
 * cold `make-app diff` processes (one per student, as before) in the same run.
 * Run: npx tsx bench/grade/run.ts   (GRADE_BENCH_STUDENTS=500, GRADE_BENCH_DIFFS=3)
 * Prints seconds per student for each, and the ratio.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { copyApp, DIST_APP, editCode, editOauth, editText, reformat } from '../../test/diff/student-apps.ts';

const STUDENTS = Number(process.env.GRADE_BENCH_STUDENTS ?? 500);
const DIFFS = Number(process.env.GRADE_BENCH_DIFFS ?? 3);
const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/make-app.js');

const MUTATIONS: ((d: string) => void)[] = [
  (d) =>
    editCode(d, 'module', 'getMovie', 'communication', (v) => {
      v.url = '/movies/';
    }),
  (d) =>
    editCode(d, 'module', 'createMovie', 'communication', (v) => {
      v.method = 'PUT';
    }),
  (d) => editOauth(d, 'refresh', (req) => void delete req.condition),
  (d) =>
    editText(d, 'connection', 'academy', 'communication', (t) => t.replaceAll('addMinutes(', 'addSeconds(')),
  (d) => editCode(d, 'rpc', 'listGenres', 'communication', (v) => void delete v.url),
];

function buildClass(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'grade-bench-'));
  const correct = copyApp(DIST_APP);
  const reformatted = copyApp(DIST_APP);
  reformat(reformatted);
  const mutated = MUTATIONS.map((m) => {
    const d = copyApp(DIST_APP);
    m(d);
    return d;
  });
  for (let i = 0; i < STUDENTS; i++) {
    const kind = i % 3;
    const src = kind === 0 ? correct : kind === 1 ? reformatted : mutated[i % mutated.length];
    cpSync(src, path.join(root, `student-${String(i).padStart(4, '0')}`), { recursive: true });
  }
  return root;
}

function seconds(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e9;
}

const cls = buildClass();
try {
  const run = (args: string[]) => {
    try {
      execFileSync(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'ignore'] });
    } catch (e) {
      // exit 1 = someone failed / differs: expected
      if ((e as { status?: number }).status !== 1) throw e;
    }
  };
  const students = path.join(cls, 'student-0002');
  const diffTotal = seconds(() => {
    for (let i = 0; i < DIFFS; i++) run(['diff', students, '--against', DIST_APP, '--format', 'json']);
  });
  const perDiff = diffTotal / DIFFS;
  const gradeTotal = seconds(() =>
    run(['grade', cls, '--against', DIST_APP, '--format', 'json', '--output', path.join(cls, 'report.json')]),
  );
  const perStudent = gradeTotal / STUDENTS;
  console.log(`class: ${STUDENTS} submissions (correct, reformatted, mutated)`);
  console.log(
    `make-app grade: ${gradeTotal.toFixed(1)} s in all, ${(perStudent * 1000).toFixed(0)} ms per student`,
  );
  console.log(
    `cold make-app diff: ${(perDiff * 1000).toFixed(0)} ms per student (mean of ${DIFFS} processes)`,
  );
  console.log(
    `ratio: grade is ${(perDiff / perStudent).toFixed(1)}× cheaper per student than one diff process each`,
  );
} finally {
  rmSync(cls, { recursive: true, force: true });
}
