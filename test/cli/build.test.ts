import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'make-app-cli-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(['build', ...args]);

describe('make-app build', { timeout: 300_000 }, () => {
  it('--check exits 0 on the committed dist-app (what CI runs)', async () => {
    const r = await cli('--check');
    expect(r.err).toBe('');
    expect(r.out).toContain('dist-app is up to date; lint: 0 error(s), 0 warning(s)');
    expect(r.code).toBe(0);
  });

  it('builds into a new folder, then --check is clean, then exits 1 after an edit', async () => {
    const out = path.join(work, 'out');
    const first = await cli('--out', out);
    expect(first.code).toBe(0);
    expect(existsSync(path.join(out, 'makecomapp.json'))).toBe(true);
    expect((await cli('--out', out, '--check')).code).toBe(0);
    const file = path.join(out, 'general/base.iml.json');
    writeFileSync(file, '{}\n');
    const check = await cli('--out', out, '--check');
    expect(check.code).toBe(1);
    expect(check.out).toContain('is out of date');
    expect(check.out).toContain('changed: general/base.iml.json');
    expect(readFileSync(file, 'utf8')).toBe('{}\n');
  });

  it('exits 1 and prints the TypeScript line for a lint error in generated JSON', async () => {
    const r = await cli('--src', 'test/fixtures/compile/typo-app', '--out', path.join(work, 'typo'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/list-things\.communication\.iml\.json:5:\d+ error iml\/undeclared-parameter/);
    expect(r.out).toContain('from test/fixtures/compile/typo-app/app.ts:15:');
  });

  it('exits 2 with one line for a source folder that does not exist', async () => {
    const r = await cli('--src', 'no/such/folder', '--out', path.join(work, 'x'));
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('does not exist');
  });

  it('refuses --with-secrets into the committed dist-app', async () => {
    const r = await cli('--with-secrets');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--with-secrets cannot write into dist-app/');
  });

  it('--with-secrets reads the client id and secret from the environment', async () => {
    const out = path.join(work, 'secrets');
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, 'bin/make-app.js'), 'build', '--out', out, '--with-secrets'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, ACADEMY_CLIENT_ID: 'id-from-env', ACADEMY_CLIENT_SECRET: 'secret-from-env' },
      },
    );
    // Writing real credentials is the point of --with-secrets, so the common-data credential rule is off.
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr + r.stdout).not.toContain('security/credentials-in-common');
    const common = JSON.parse(
      readFileSync(path.join(out, 'connections/academy/academy.common.json'), 'utf8'),
    );
    expect(common).toEqual({ clientId: 'id-from-env', clientSecret: 'secret-from-env' });
  });
});
