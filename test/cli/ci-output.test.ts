/** CI output people trust: baselines, warning limits, start's summary and load errors in the sources. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const work = mkdtempSync(path.join(tmpdir(), 'make-app-ci-output-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const FIX = path.resolve('test/fixtures/validate');

describe('lint baselines', () => {
  it('a baseline written from one folder matches when lint runs from another (paths relative to the app root)', async () => {
    const app = path.join(work, 'app.bundle.json');
    cpSync(path.join(FIX, 'broken-app.bundle.json'), app);
    const baseline = path.join(work, 'baseline.json');
    // written with a relative path from the repository, used with an absolute one
    const written = await runCli(['lint', path.relative(process.cwd(), app), '--write-baseline', baseline]);
    expect(written.code).toBe(0);
    const entries = JSON.parse(readFileSync(baseline, 'utf8')).findings as { file: string }[];
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.file === 'app.bundle.json')).toBe(true);
    const again = await runCli(['lint', app, '--baseline', baseline]);
    expect(again.out).toMatch(/^No problems \(\d+ findings suppressed\)\.\n$/);
    expect(again.code).toBe(0);
  });

  it('warns about baseline entries that match nothing', async () => {
    const baseline = path.join(work, 'stale.json');
    writeFileSync(
      baseline,
      JSON.stringify({
        version: 1,
        findings: [{ ruleId: 'iml/unknown-function', file: 'nowhere.json', pointer: '/x', message: 'gone' }],
      }),
    );
    const r = await runCli(['lint', path.join(FIX, 'clean-app.bundle.json'), '--baseline', baseline]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('1 baseline entry matches no finding');
    expect(r.err).toContain('iml/unknown-function nowhere.json/x');
  });
});

describe('--max-warnings', () => {
  it('says why the run failed', async () => {
    const r = await runCli([
      'lint',
      path.join(FIX, 'warnings-app.bundle.json'),
      '--fail-severity',
      'error',
      '--max-warnings',
      '0',
      '--format',
      'json',
    ]);
    const warnings = JSON.parse(r.out).diagnostics.filter(
      (d: { severity: string }) => d.severity === 'warning',
    ).length;
    expect(warnings).toBeGreaterThan(0);
    expect(r.err).toContain(`make-app: too many warnings (${warnings}, maximum 0)`);
    expect(r.code).toBe(1);
  });
});

describe('load errors in the app sources', () => {
  it('name the file and line where they happened, not app.ts', async () => {
    const r = await runCli([
      'build',
      '--src',
      'test/fixtures/compile/undefined-name-app',
      '--out',
      path.join(work, 'out'),
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /undefined-name-app\/modules\.ts:4:\d+: cannot load the app sources: labelFromSomewhere is not defined/,
    );
  });
});

describe('start', { timeout: 120_000 }, () => {
  it('prints each failing step with its reason', async () => {
    const scenarios = path.join(work, 'scenarios');
    cpSync('app-src/scenarios/01-connection-lifecycle.yaml', path.join(scenarios, 'lifecycle.yaml'));
    const text = readFileSync(path.join(scenarios, 'lifecycle.yaml'), 'utf8');
    writeFileSync(
      path.join(scenarios, 'lifecycle.yaml'),
      text.replace('output: { name: John Doe, email: john.doe@example.com }', 'output: { name: Jane Roe }'),
    );
    const r = await runCli(['start', '--out', path.join(work, 'dist'), '--scenario', scenarios]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /FAIL {2}connection lifecycle\n\s+step 2 \(run getMyAccount\): output\[0\]\.name: expected "Jane Roe", got "John Doe"/,
    );
  });
});
