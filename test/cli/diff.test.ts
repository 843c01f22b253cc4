import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyApp, editOauth, referencePath, reformat } from '../diff/student-apps.ts';
import { runCli } from '../helpers/cli.ts';

const REF = referencePath();
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const cli = (...args: string[]) => runCli(['diff', ...args]);

function student(mutate: (dir: string) => void): string {
  const dir = copyApp(REF);
  dirs.push(dir);
  mutate(dir);
  return dir;
}

// Each case starts the CLI (and often three simulations): slow on a busy machine, never asserted.
describe('make-app diff', { timeout: 180_000 }, () => {
  it('exits 0 and says equivalent for an app that only differs in formatting', async () => {
    const r = await cli(student(reformat), '--against', REF, '--no-behaviour');
    expect(r.err).toBe('');
    expect(r.out).toMatch(/Verdict: EQUIVALENT/);
    expect(r.code).toBe(0);
  });

  it('exits 1 and explains the change when the app differs', async () => {
    const app = student((d) => editOauth(d, 'refresh', (req) => void delete req.condition));
    const r = await cli(app, '--against', REF, '--no-behaviour');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/D-REFRESH-CONDITION-MISSING/);
    expect(r.out).toMatch(/reference connections\/.+:\d+:\d+ +yours connections\/.+:\d+:\d+/);
  });

  it('writes JSON to --output and nothing to stdout', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'diff-cli-')), 'r.json');
    dirs.push(path.dirname(out));
    const app = student((d) => editOauth(d, 'token', (req) => void delete (req.body ?? req.qs).redirect_uri));
    const r = await cli(app, '--against', REF, '--no-behaviour', '--format', 'json', '--output', out);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.verdict).toBe('different');
    expect(report.changes.some((c: { code: string }) => /FIELD-MISSING/.test(c.code))).toBe(true);
  });

  it('writes a self-contained HTML page', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'diff-cli-')), 'r.html');
    dirs.push(path.dirname(out));
    const r = await cli(
      student(() => {}),
      '--against',
      REF,
      '--no-behaviour',
      '--format',
      'html',
      '--output',
      out,
    );
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=/);
  });

  it('runs the scenarios given with --scenario on both apps and exits 1 when the requests differ', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'diff-cli-'));
    dirs.push(dir);
    const scenario = path.join(dir, 'refresh.yaml');
    writeFileSync(
      scenario,
      [
        'name: one call',
        'steps:',
        '  - connect: { as: john }',
        '  - run: { module: getMovie, parameters: { id: "1" } }',
        '  - deleteConnection: {}',
        '',
      ].join('\n'),
    );
    const same = await cli(
      student(() => {}),
      '--against',
      REF,
      '--scenario',
      scenario,
    );
    expect(same.err).toBe('');
    expect(same.out).toMatch(/one call: 3\/3 steps same/);
    expect(same.code).toBe(0);
    const noCondition = student((d) => editOauth(d, 'refresh', (req) => void delete req.condition));
    const differs = await cli(noCondition, '--against', REF, '--scenario', scenario);
    expect(differs.out).toMatch(/one call: 2\/3 steps same\n +FAIL #2 run getMovie/);
    expect(differs.out).toMatch(/only yours sends POST \S+\/refresh/);
    expect(differs.code).toBe(1);
  });

  it('exits 2 naming the file and line of a broken scenario', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'diff-cli-'));
    dirs.push(dir);
    const scenario = path.join(dir, 'broken.yaml');
    writeFileSync(scenario, 'name: broken\nsteps:\n  - run: [unclosed\n');
    const r = await cli(REF, '--against', REF, '--scenario', scenario);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/broken\.yaml/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it.each([
    ['a missing app', ['/nonexistent/app', '--against', REF], /does not exist/],
    [
      'a missing reference',
      [REF, '--against', '/nonexistent/ref'],
      /reference "\/nonexistent\/ref" does not exist/,
    ],
    ['an unknown format', [REF, '--against', REF, '--format', 'pdf'], /pdf/],
  ])('exits 2 with one clear line for %s', async (_name, args, message) => {
    const r = await cli(...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message as RegExp);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('refuses to write the report over a file of the app being compared', async () => {
    const app = student(() => {});
    const victim = path.join(app, 'makecomapp.json');
    const before = readFileSync(victim, 'utf8');
    const r = await cli(app, '--against', REF, '--no-behaviour', '--output', victim);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/file of the app being compared/);
    expect(readFileSync(victim, 'utf8')).toBe(before);
  });

  it('exits 2 with a clear line naming the file when the report cannot be written', async () => {
    // A folder path through a regular file cannot be created, not even by root.
    const blocker = path.join(mkdtempSync(path.join(tmpdir(), 'diff-cli-')), 'a-file');
    writeFileSync(blocker, 'x');
    const target = path.join(blocker, 'report.txt');
    const r = await cli(REF, '--against', REF, '--no-behaviour', '--output', target);
    expect(r.code).toBe(2);
    expect(r.err).toContain(target);
    expect(r.err).toMatch(/a-file is a file, so it cannot hold/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('creates the report folder when it does not exist yet, as lint and grade do', async () => {
    const target = path.join(mkdtempSync(path.join(tmpdir(), 'diff-cli-')), 'reports', 'diff.txt');
    const r = await cli(REF, '--against', REF, '--no-behaviour', '--output', target);
    expect(r.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toMatch(/equivalent/i);
  });

  it('exits 2 when the file given is not an app', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'diff-cli-'));
    dirs.push(dir);
    const f = path.join(dir, 'notes.json');
    writeFileSync(f, '{"hello": 1}');
    const r = await cli(f, '--against', REF, '--no-behaviour');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not an app/);
    expect(existsSync(f)).toBe(true);
  });
});
