/** `make-app init`: a new project that builds, lints clean and simulates out of the box; never over user files. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const work = mkdtempSync(path.join(tmpdir(), 'make-app-init-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('make-app init', { timeout: 120_000 }, () => {
  it('scaffolds a project whose app builds, lints clean and passes its scenario', async () => {
    const dir = path.join(work, 'Weather App');
    const r = await runCli(['init', dir]);
    expect(r.code, r.err).toBe(0);
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('weather-app');
    expect(pkg.dependencies).toHaveProperty('make-app-toolkit');
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toContain('npm install && npm start');
    expect(readFileSync(path.join(dir, 'app-src/app.ts'), 'utf8')).toContain("name: 'weather-app'");
    const src = path.join(dir, 'app-src');
    const out = path.join(dir, 'dist-app');
    const built = await runCli(['build', '--src', src, '--out', out]);
    expect(built.code, built.out + built.err).toBe(0);
    const lint = await runCli(['lint', out]);
    expect(lint.out).toBe('No problems.\n');
    const sim = await runCli(['simulate', out, '--scenario', path.join(src, 'scenarios')]);
    expect(sim.code, sim.out).toBe(0);
    expect(sim.out).toMatch(/5 passed, 0 failed/);
  });

  it('refuses a folder that is not empty and changes nothing in it', async () => {
    const dir = path.join(work, 'busy');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    const r = await runCli(['init', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('is not empty');
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });
});
