import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/make-app.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Paths only: these runs cannot write anywhere even if a guard were missing. */
describe('writing flags refuse system folders and roots: one line, exit 2', { timeout: 300_000 }, () => {
  it.each([
    [['build', '--out', '/', '--check'], /--out \/ is the filesystem root/],
    [['build', '--out', 'app-src/modules', '--check'], /inside the sources being read/],
    [['import', 'dist-app', '--out', '/proc/self', '--force'], /system folder \/proc/],
    [['lint', 'dist-app', '--output', '/proc/self/lint.txt'], /--output .*system folder \/proc/],
  ])('make-app %j', (args, message) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
