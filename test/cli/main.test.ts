import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_COMMANDS, runCli } from '../helpers/cli.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'bin/make-app.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });

const COMMANDS = ALL_COMMANDS;

describe('make-app command line', () => {
  // The real bin as a child process: the compiled package starts and answers (end to end).
  it('--help lists every command with a description', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^\\s+${c}\\b.*\\S`, 'm'));
    expect(r.stdout).not.toContain('being built');
  });

  it.each(COMMANDS)('%s --help describes the command and its options', async (c) => {
    const r = await runCli([c, '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Usage: make-app ${c}`);
    expect(r.out).toContain('Options:');
  });

  it('an unknown command exits 2 with a one-line error', () => {
    const r = run('frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain("make-app: unknown command 'frobnicate'");
    expect(r.stderr).toContain('(see make-app --help)');
  });

  // lsp accepts the flags editors add (--clientProcessId ...), so it is not in this table
  it.each(COMMANDS.filter((c) => c !== 'lsp'))(
    '%s with an unknown flag exits 2 with one prefixed line and a hint',
    async (c) => {
      const r = await runCli([c, '--no-such-flag']);
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toContain("make-app: unknown option '--no-such-flag'");
      expect(r.err).toContain(`(see make-app ${c} --help)`);
    },
  );

  it('import without a path says the path is missing (before any option)', async () => {
    const r = await runCli(['import']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("make-app: missing required argument 'path'");
  });

  it('import with a path but no --out asks for --out', async () => {
    const r = await runCli(['import', 'dist-app']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('make-app: import needs --out <dir>');
  });
});
