/**
 * The class grader's machinery on a small class: discovery (folders, bundles, .zip), isolation in
 * worker threads (time limit, hostile archives, unreadable apps become error rows and the run goes
 * on), deterministic order whatever --jobs is, the formats, progress, and the CLI's stdout.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC } from '../../generator/diff/rubric.ts';
import { discoverSubmissions } from '../../generator/grade/discover.ts';
import { formatClassReport } from '../../generator/grade/format/index.ts';
import { createProgress } from '../../generator/grade/progress.ts';
import { parseRubric } from '../../generator/grade/rubric-config.ts';
import { gradeClass } from '../../generator/workflow/grade.ts';
import { copyApp, editCode, MINI_REFERENCE } from '../diff/student-apps.ts';
import { runCli } from '../helpers/cli.ts';
import { zipFolder } from './zip.ts';

function firstModule(dir: string): string {
  const m = JSON.parse(readFileSync(path.join(dir, 'makecomapp.json'), 'utf8'));
  return Object.keys(m.components.module).sort()[0];
}

describe('grading a class', { timeout: 300_000 }, () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** A correct app, one with a URL typo, a zipped copy, a file that is no archive, a broken bundle. */
  async function makeClass(): Promise<string> {
    const d = mkdtempSync(path.join(tmpdir(), 'grade-engine-'));
    dirs.push(d);
    const typo = copyApp(MINI_REFERENCE);
    editCode(typo, 'module', firstModule(typo), 'communication', (v) => {
      const req = Array.isArray(v) ? v[v.length - 1] : v;
      req.url = '/nowhere';
    });
    cpSync(MINI_REFERENCE, path.join(d, 'a-correct'), { recursive: true });
    cpSync(typo, path.join(d, 'b-typo'), { recursive: true });
    // a zipped copy of the correct app, a hostile archive and an unreadable bundle
    cpSync(zipFolder(path.join(d, 'a-correct')), path.join(d, 'c-zipped.zip'));
    writeFileSync(path.join(d, 'd-not-a-zip.zip'), 'this is not an archive');
    writeFileSync(path.join(d, 'e-broken.json'), '{ "bundleVersion": 1, "app": ');
    return d;
  }

  it('discovers folders, bundles and archives in name order', async () => {
    const d = await makeClass();
    expect(discoverSubmissions([d]).map((s) => path.basename(s.file))).toEqual([
      'a-correct',
      'b-typo',
      'c-zipped.zip',
      'd-not-a-zip.zip',
      'e-broken.json',
    ]);
  });

  it('grades in worker threads; hostile or unreadable submissions become error rows; order is stable', async () => {
    const d = await makeClass();
    const one = await gradeClass({ paths: [d], against: MINI_REFERENCE, jobs: 1 });
    const two = await gradeClass({ paths: [d], against: MINI_REFERENCE, jobs: 2 });
    const rows = two.students.map((s) => [path.basename(s.path), s.grade, s.passed, Boolean(s.error)]);
    expect(rows).toEqual([
      ['a-correct', 100, true, false],
      ['b-typo', expect.any(Number), false, false],
      ['c-zipped.zip', 100, true, false],
      ['d-not-a-zip.zip', 0, false, true],
      ['e-broken.json', 0, false, true],
    ]);
    expect(two.students[1].grade).toBeLessThanOrEqual(DEFAULT_RUBRIC.breakingCap);
    expect(two.students[3].error).toMatch(/zip/);
    // deterministic whatever the number of workers
    expect(JSON.stringify(one.students)).toBe(JSON.stringify(two.students));
    expect(two.summary).toMatchObject({ students: 5, passed: 2, errors: 2 });
    expect(two.summary.mistakes[0]).toMatchObject({ code: 'D-URL-CHANGED', students: 1 });
  });

  it('a student over the time limit gets an error row and the run goes on', async () => {
    const d = await makeClass();
    const r = await gradeClass({ paths: [d], against: MINI_REFERENCE, jobs: 2, timeLimitMs: 1 });
    expect(r.students).toHaveLength(5);
    // the three real apps take far longer than 1 ms; the two unreadable ones may fail faster
    for (const s of r.students.slice(0, 3)) expect(s.error).toMatch(/time limit of 0 s exceeded/);
    for (const s of r.students) expect(s.error).toBeDefined();
  });

  it('a student over the memory cap gets an error row, and the next student is graded by a new worker', async () => {
    const d = mkdtempSync(path.join(tmpdir(), 'grade-memory-'));
    dirs.push(d);
    // 120,000 output fields (6 MB): loading and comparing them needs several hundred MB of heap,
    // far past a 64 MB cap, while the correct app fits easily
    const huge = path.join(d, 'a-huge');
    cpSync(MINI_REFERENCE, huge, { recursive: true });
    const fields = Array.from({ length: 120_000 }, (_, i) => ({
      name: `f${i}`,
      type: 'text',
      label: `F ${i}`,
    }));
    const m = JSON.parse(readFileSync(path.join(huge, 'makecomapp.json'), 'utf8'));
    const withInterface = Object.values(m.components.module).find(
      (c) => (c as { codeFiles: Record<string, string> }).codeFiles.interface,
    ) as { codeFiles: Record<string, string> };
    writeFileSync(path.join(huge, withInterface.codeFiles.interface), JSON.stringify(fields));
    cpSync(MINI_REFERENCE, path.join(d, 'b-correct'), { recursive: true });
    const r = await gradeClass({ paths: [d], against: MINI_REFERENCE, jobs: 1, memoryMb: 64 });
    expect(r.students.map((st) => [path.basename(st.path), st.grade, st.error])).toEqual([
      ['a-huge', 0, 'memory cap of 64 MB exceeded'],
      ['b-correct', 100, undefined],
    ]);
  });

  it('writes every format from the same report; CSV is formula-safe, JUnit has one case per student', async () => {
    const d = await makeClass();
    const r = await gradeClass({ paths: [d], against: MINI_REFERENCE, jobs: 0 });
    r.students[0].path = '=HYPERLINK("x")';
    const csv = formatClassReport(r, 'csv').split('\r\n');
    expect(csv[0]).toBe(
      'path,grade,passed,equivalent,breaking,behavioural,cosmetic,equivalent,top_mistakes,error',
    );
    expect(csv[1].startsWith(`"'=HYPERLINK(""x"")"`)).toBe(true);
    const junit = formatClassReport(r, 'junit');
    expect(junit.match(/<testcase /g)).toHaveLength(5);
    expect(junit.match(/<error /g)).toHaveLength(2);
    expect(JSON.parse(formatClassReport(r, 'json'))).toMatchObject({
      reference: { root: expect.any(String) },
      students: expect.any(Array),
      summary: { students: 5 },
    });
    expect(formatClassReport(r, 'text')).toMatch(/Passed 2 of 5/);
  });

  it('the CLI keeps stdout for the JSON report (progress goes to stderr) and exits 1 when someone fails', async () => {
    const d = await makeClass();
    const r = await runCli(['grade', d, '--against', MINI_REFERENCE, '--format', 'json', '--jobs', '2']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).students).toHaveLength(5);
    expect(r.err).toMatch(/grade: 5\/5 students/);
  });
});

describe('progress', () => {
  it('draws a bar with count, rate and ETA on a terminal', () => {
    let out = '';
    let t = 0;
    const p = createProgress(
      4,
      { isTTY: true, columns: 80, write: (s) => (out += s) },
      { now: () => (t += 500), intervalMs: 0 },
    );
    p.tick();
    p.tick();
    p.done();
    expect(out).toMatch(/\r\[#+\.+\] 2\/4 students · [\d.]+\/s · ETA \d+s/);
    expect(out.endsWith('\n')).toBe(true);
  });

  it('prints plain lines without a terminal, no more often than asked', () => {
    const lines: string[] = [];
    let t = 0;
    const p = createProgress(
      3,
      { isTTY: false, write: (s) => lines.push(s) },
      { now: () => (t += 1000), intervalMs: 5000 },
    );
    p.tick();
    p.tick();
    p.tick();
    p.done();
    expect(lines.every((l) => l.startsWith('grade: ') && l.endsWith('\n') && !l.includes('\r'))).toBe(true);
    expect(lines.at(-1)).toMatch(/3\/3 students .* done in/);
    expect(lines).toHaveLength(2);
  });
});

describe('rubric config', () => {
  it('overrides fields and merges weights; refuses unknown fields', () => {
    const r = parseRubric('breakingCap: 30\ncomponentWeights: { modules.getMovie: 5 }\n', 'r.yaml');
    expect(r.breakingCap).toBe(30);
    expect(r.componentWeights['modules.getMovie']).toBe(5);
    expect(r.componentWeights.connection).toBe(DEFAULT_RUBRIC.componentWeights.connection);
    expect(() => parseRubric('breakingcap: 30', 'r.yaml')).toThrow(/unknown rubric field/);
    expect(() => parseRubric('classWeights: { fatal: 2 }', 'r.yaml')).toThrow(/classes are/);
  });
});
