import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadApp } from '../../generator/load/index.ts';
import { FORMATTERS } from '../../generator/validate/formatters/index.ts';
import { ALL_RULES, lintApp } from '../../generator/validate/index.ts';
import { sarifValidator } from '../validate/sarif-schema.ts';
import { CORPUS, corpusApps, corpusAvailable } from './corpus-apps.ts';

const SNAPSHOT = path.join(import.meta.dirname, '__snapshots__', 'lint-findings.json');
const ROOT = path.resolve(import.meta.dirname, '../..');

type Counts = Record<string, Record<string, number>>;

/** Findings per app as "severity rule" → count (what the committed snapshot records). */
function countFindings(): { perApp: Counts; errorsPerRule: Record<string, number> } {
  const perApp: Counts = {};
  const errorsPerRule: Record<string, number> = {};
  for (const dir of corpusApps()) {
    const r = lintApp(loadApp(dir));
    const c: Record<string, number> = {};
    for (const d of r.diagnostics) {
      const k = `${d.severity} ${d.ruleId}`;
      c[k] = (c[k] ?? 0) + 1;
      if (d.severity === 'error') errorsPerRule[d.ruleId] = (errorsPerRule[d.ruleId] ?? 0) + 1;
      // every finding points into the app (a real file, a real position)
      expect(d.line, `${d.ruleId} ${d.file}`).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
      expect(existsSync(path.join(dir, d.file)) || d.file === '.', `${d.file} exists`).toBe(true);
    }
    perApp[path.relative(CORPUS, dir)] = Object.fromEntries(
      Object.entries(c).sort(([a], [b]) => a.localeCompare(b)),
    );
  }
  return {
    perApp,
    errorsPerRule: Object.fromEntries(Object.entries(errorsPerRule).sort(([a], [b]) => a.localeCompare(b))),
  };
}

describe.skipIf(!corpusAvailable)('lint over every corpus app', { timeout: 600_000 }, () => {
  it('never crashes, and the findings per app match the committed snapshot', () => {
    const now = countFindings();
    // A missing snapshot is a failure, never silently written: rewrite it on purpose with UPDATE_LINT_SNAPSHOT=1.
    if (process.env.UPDATE_LINT_SNAPSHOT === '1')
      writeFileSync(SNAPSHOT, `${JSON.stringify(now, null, 2)}\n`);
    expect(existsSync(SNAPSHOT), `${SNAPSHOT} is missing; run with UPDATE_LINT_SNAPSHOT=1 to write it`).toBe(
      true,
    );
    const committed = JSON.parse(readFileSync(SNAPSHOT, 'utf8'));
    expect(now).toEqual(committed);
    expect(Object.keys(now.perApp).length).toBe(corpusApps().length);
    for (const c of Object.values(now.perApp))
      expect(Object.keys(c).some((k) => k.includes('lint/rule-crashed'))).toBe(false);
  });

  it('SARIF of every corpus finding validates against the official schema; JUnit counts every finding, failing only on what fails the run', () => {
    const all = corpusApps().flatMap((dir) =>
      lintApp(loadApp(dir)).diagnostics.map((d) => ({
        ...d,
        file: path.relative(CORPUS, path.join(dir, d.file)),
      })),
    );
    const validate = sarifValidator();
    expect(
      validate(JSON.parse(FORMATTERS.sarif(all, { rules: ALL_RULES }))),
      JSON.stringify(validate.errors?.slice(0, 3)),
    ).toBe(true);
    const errors = all.filter((d) => d.severity === 'error').length;
    expect(FORMATTERS.junit(all)).toContain(`tests="${all.length}" failures="${errors}"`);
    const withWarnings = all.filter((d) => d.severity !== 'info').length;
    expect(FORMATTERS.junit(all, { warningsFail: true })).toContain(`failures="${withWarnings}"`);
  });

  it('the CLI over all corpus apps at once exits 0 or 1, never 2', () => {
    const r = spawnSync(process.execPath, ['bin/make-app.js', 'lint', ...corpusApps(), '--format', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.status);
    expect(JSON.parse(r.stdout).diagnostics.length).toBeGreaterThan(0);
  });
});
