import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIX = 'test/fixtures/validate';
const tmp = mkdtempSync(path.join(tmpdir(), 'lint-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const lint = (...args: string[]) => runCli(['lint', ...args]);

describe('make-app lint', { timeout: 180_000 }, () => {
  it('exits 0 on a clean app', async () => {
    const r = await lint(`${FIX}/clean-app.bundle.json`);
    expect(r.err).toBe('');
    expect(r.out).toBe('No problems.\n');
    expect(r.code).toBe(0);
  });

  it('exits 1 on errors and reports file:line:column relative to the current folder', async () => {
    const r = await lint(`${FIX}/broken-app.bundle.json`, '--format', 'json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    const d = j.diagnostics.find((x: { ruleId: string }) => x.ruleId === 'iml/undeclared-parameter');
    expect(d).toMatchObject({
      file: `${FIX}/broken-app.bundle.json`,
      line: 68,
      column: 57,
      severity: 'error',
    });
    expect(j.summary.error).toBe(2);
  });

  it('warnings alone pass, but not with --fail-severity warning or --max-warnings 0', async () => {
    expect((await lint(`${FIX}/warnings-app.bundle.json`)).code).toBe(0);
    expect((await lint(`${FIX}/warnings-app.bundle.json`, '--fail-severity', 'warning')).code).toBe(1);
    expect((await lint(`${FIX}/warnings-app.bundle.json`, '--max-warnings', '0')).code).toBe(1);
    expect((await lint(`${FIX}/warnings-app.bundle.json`, '--max-warnings', '1')).code).toBe(0);
  });

  it('a config file changes severities; a baseline written once accepts those findings later', async () => {
    const cfg = path.join(tmp, 'make-app.config.json');
    writeFileSync(cfg, '{ // JSONC\n "rules": { "iml/undeclared-parameter": "warning", "scope/*": "off" } }');
    expect((await lint(`${FIX}/broken-app.bundle.json`, '--config', cfg)).code).toBe(0);
    const base = path.join(tmp, 'baseline.json');
    const w = await lint(`${FIX}/broken-app.bundle.json`, '--write-baseline', base);
    expect(w.code).toBe(0);
    expect(JSON.parse(readFileSync(base, 'utf8')).findings).toHaveLength(3);
    const r = await lint(`${FIX}/broken-app.bundle.json`, '--baseline', base);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/No problems \(3 findings suppressed\)/);
  });

  it('warns (without failing) about a config severity for a rule that does not exist', async () => {
    const cfg = path.join(tmp, 'typo.json');
    writeFileSync(cfg, '{ "rules": { "iml/unknown-fuction": "off", "oauth/*": "warning" } }');
    const r = await lint(`${FIX}/clean-app.bundle.json`, '--config', cfg);
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      `make-app: warning: ${cfg}: no rule "iml/unknown-fuction" (see make-app lint --list-rules)\n`,
    );
  });

  it('--output writes the report (SARIF here) to a file', async () => {
    const out = path.join(tmp, 'report.sarif');
    const r = await lint(`${FIX}/broken-app.bundle.json`, '--format', 'sarif', '--output', out);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).runs[0].results).toHaveLength(3);
  });

  it('github and junit formats print annotations and XML', async () => {
    expect((await lint(`${FIX}/broken-app.bundle.json`, '-f', 'github')).out).toMatch(
      /^::error file=test\/fixtures\/validate\/broken-app.bundle.json,line=68,col=57,/m,
    );
    expect((await lint(`${FIX}/broken-app.bundle.json`, '-f', 'junit')).out).toMatch(
      /<testsuites name="make-app lint" tests="3" failures="2"/, // the info finding does not fail the run
    );
  });

  it('usage and input errors exit 2 with one clear line and no stack trace', async () => {
    const cases: [string[], RegExp][] = [
      [[], /at least one path/],
      [[`${FIX}/clean-app.bundle.json`, '--format', 'xml'], /xml/],
      [[`${FIX}/clean-app.bundle.json`, '--profile', 'nope'], /unknown API profile "nope"/],
      [[`${FIX}/clean-app.bundle.json`, '--max-warnings', '-1'], /max-warnings/],
      [['does/not/exist'], /does not exist/],
      [[`${FIX}/clean-app.bundle.json`, '--baseline', 'missing.json'], /missing.json: cannot read baseline/],
    ];
    for (const [args, msg] of cases) {
      const r = await lint(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(msg);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    const bad = path.join(tmp, 'bad.json');
    writeFileSync(bad, '{\n  "rules": { "x": "fatal" }\n}');
    const r = await lint(`${FIX}/clean-app.bundle.json`, '--config', bad);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bad}:2:`);
  });

  it('--help documents formats, thresholds, config, inline comments and baselines', async () => {
    const r = spawnSync(process.execPath, ['bin/make-app.js', 'lint', '--help'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    for (const word of [
      '--format',
      'sarif',
      '--fail-severity',
      '--max-warnings',
      '--config',
      '--baseline',
      '--write-baseline',
      '--profile',
      '--output',
      'make-app-disable-next-line',
      'Exit codes',
    ])
      expect(r.stdout).toContain(word);
  });

  it('--list-rules prints the catalogue', async () => {
    const r = await lint('--list-rules');
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n').length).toBeGreaterThanOrEqual(40);
  });
});
