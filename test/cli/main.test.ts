import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'bin/make-app.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });

const COMMANDS = ['start', 'build', 'import', 'lint', 'simulate', 'diff', 'serve-api', 'iml'];

describe('make-app command line', () => {
  it('--help lists every command with a description', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^\\s+${c}\\b.*\\S`, 'm'));
    expect(r.stdout).not.toContain('being built');
  });

  it.each(COMMANDS)('%s --help describes the command and its options', (c) => {
    const r = run(c, '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Usage: make-app ${c}`);
    expect(r.stdout).toContain('Options:');
  });

  it('an unknown command exits 2 with a one-line error', () => {
    const r = run('frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
  });

  it.each(COMMANDS)('%s with an unknown flag exits 2 with a one-line error', (c) => {
    // import's required --out is given so the unknown flag is what gets reported
    const r = run(c, '--no-such-flag', ...(c === 'import' ? ['--out', 'unused'] : []));
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain("unknown option '--no-such-flag'");
  });
});
