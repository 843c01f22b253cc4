import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS, corpusAvailable } from '../helpers/shared.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'make-app-cli-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/make-app.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('make-app import', { timeout: 300_000 }, () => {
  it.skipIf(!corpusAvailable)('imports a corpus app to TypeScript that builds again', async () => {
    const src = path.join(work, 'cats');
    const r = cli('import', path.join(CORPUS, 'johnson-jnr__integromat-cats-public'), '--out', src);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`into ${src}`);
    const app = readFileSync(path.join(src, 'app-src', 'app.ts'), 'utf8');
    expect(app).toContain('export default defineApp({');
    // as a user would have it: the package installed beside the imported project
    mkdirSync(path.join(src, 'node_modules'));
    symlinkSync(ROOT, path.join(src, 'node_modules', 'make-app-toolkit'));
    const built = cli('build', '--src', path.join(src, 'app-src'), '--out', path.join(work, 'cats-out'));
    expect(built.code, built.out + built.err).not.toBe(2);
  });

  it('refuses a non-empty folder it did not write, even with --force, and leaves it alone', () => {
    const out = path.join(work, 'busy');
    mkdirSync(out);
    writeFileSync(path.join(out, 'keep.txt'), 'mine');
    const r = cli('import', 'dist-app', '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain('is not empty');
    expect(readFileSync(path.join(out, 'keep.txt'), 'utf8')).toBe('mine');
    const forced = cli('import', 'dist-app', '--out', out, '--force');
    expect(forced.code).toBe(2);
    expect(forced.err.trim().split('\n')).toHaveLength(1);
    expect(forced.err).toContain('not written by make-app import');
    expect(readFileSync(path.join(out, 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('exits 2 for a path that is no app', () => {
    const r = cli('import', path.join(work, 'nothing-here'), '--out', path.join(work, 'o'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('does not exist');
  });
});
