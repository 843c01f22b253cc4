import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const out = mkdtempSync(path.join(os.tmpdir(), 'make-app-start-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('make-app start (the main job of npm start)', () => {
  it('builds the reference app, lints it clean and passes every scenario on the embedded API', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/make-app.js'), 'start', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(r.status, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^build\s+ok\s+\d+ files/m);
    expect(r.stdout).toMatch(/^lint\s+0 errors, 0 warnings/m);
    const sim = /^simulate\s+(\d+) scenarios, (\d+)\/(\d+) steps passed, (\d+) HTTP requests/m.exec(r.stdout);
    expect(sim).not.toBeNull();
    const [, scenarios, passed, steps, requests] = sim!.map(Number);
    expect(scenarios).toBeGreaterThanOrEqual(8);
    expect(passed).toBe(steps);
    expect(requests).toBeGreaterThan(50);
    expect(r.stdout).not.toMatch(/^\s+FAIL/m);
    expect(r.stdout.trim().endsWith('all good')).toBe(true);
    expect(existsSync(path.join(out, 'makecomapp.json'))).toBe(true);
    expect(existsSync(path.join(out, 'app.bundle.json'))).toBe(true);
  });

  it('exits 2 with one clear line when the sources do not exist', () => {
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, 'bin/make-app.js'), 'start', '--src', path.join(out, 'no-such-src'), '--out', out],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('does not exist');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
