/**
 * What CI users copy: the composite GitHub Action and the pre-commit hooks call commands and flags
 * that exist, and the action produces both annotations and a SARIF file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (f: string) => parse(readFileSync(path.join(ROOT, f), 'utf8'));

describe('action.yml', () => {
  const action = read('action.yml');
  const scripts: string[] = action.runs.steps.map((s: { run: string }) => s.run);

  it('is a composite action that installs the package with production dependencies only', () => {
    expect(action.runs.using).toBe('composite');
    expect(scripts[0]).toMatch(/npm install .*--omit=dev .*make-app-toolkit@/);
  });

  it('writes a SARIF file and prints GitHub annotations with the documented inputs', () => {
    expect(scripts.join('\n')).toContain('--format sarif --output "${{ inputs.sarif-file }}"');
    expect(scripts.join('\n')).toContain('--format github --fail-severity "${{ inputs.fail-severity }}"');
    expect(Object.keys(action.inputs)).toEqual(
      expect.arrayContaining(['paths', 'version', 'fail-severity', 'config', 'sarif-file']),
    );
  });

  it('uses only flags make-app lint has', async () => {
    const help = (await runCli(['lint', '--help'])).out;
    for (const flag of scripts.join('\n').match(/--[a-z][a-z-]+/g) ?? [])
      if (!['--prefix', '--omit', '--no-audit', '--no-fund'].includes(flag)) expect(help).toContain(flag);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('runs make-app commands that exist, on the whole app (no file names passed)', async () => {
    const hooks = read('.pre-commit-hooks.yaml') as { id: string; entry: string; pass_filenames: boolean }[];
    expect(hooks.map((h) => h.id)).toEqual(['make-app-lint', 'make-app-build-check']);
    for (const h of hooks) {
      expect(h.pass_filenames).toBe(false);
      const [, command, ...flags] = h.entry.split(' ');
      const help = (await runCli([command!, '--help'])).out;
      expect(help).toContain(`Usage: make-app ${command}`);
      for (const f of flags) expect(help).toContain(f);
    }
  });
});
