/**
 * Installed, not cloned: the tarball `npm pack` makes, installed into an empty folder with
 * production dependencies only, runs every command (the compiled bin, nothing from
 * devDependencies), scaffolds a project that builds, lints clean and simulates, and its authoring
 * API type-checks against the shipped declarations.
 */
import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_COMMANDS } from '../helpers/cli.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'make-app-installed-'));
const project = path.join(work, 'consumer');
const bin = path.join(project, 'node_modules', '.bin', 'make-app');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(cmd: string, args: string[], cwd = project): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
}
const makeApp = (args: string[], cwd = project) => run(bin, args, cwd);

beforeAll(() => {
  // what ships is build/: bring it up to date with the sources (incremental), then pack it
  const built = run(process.execPath, ['scripts/build-package.mjs'], ROOT);
  expect(built.status, built.stdout + built.stderr).toBe(0);
  const packed = run('npm', ['pack', '--ignore-scripts', '--pack-destination', work, '--silent'], ROOT);
  expect(packed.status, packed.stderr).toBe(0);
  const tarball = path.join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
  mkdirSync(project);
  writeFileSync(
    path.join(project, 'package.json'),
    '{ "name": "consumer", "private": true, "type": "module" }\n',
  );
  const installed = run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', tarball]);
  expect(installed.status, installed.stderr).toBe(0);
}, 600_000);

describe('the packed package installed with production dependencies only', { timeout: 300_000 }, () => {
  it('ships no test, fixture or source TypeScript, and no devDependency is installed', () => {
    const pkg = path.join(project, 'node_modules', 'make-app-toolkit');
    expect(existsSync(path.join(pkg, 'test'))).toBe(false);
    expect(existsSync(path.join(pkg, 'generator'))).toBe(false);
    expect(existsSync(path.join(pkg, 'build/generator/cli/main.js'))).toBe(true);
    for (const dev of ['vitest', 'typescript', '@biomejs/biome', 'playwright-core'])
      expect(existsSync(path.join(project, 'node_modules', dev)), dev).toBe(false);
  });

  it('make-app --help lists every command', () => {
    const r = makeApp(['--help']);
    expect(r.status, r.stderr).toBe(0);
    for (const c of ALL_COMMANDS) expect(r.stdout).toMatch(new RegExp(`^\\s+${c}\\b`, 'm'));
  });

  it('init → build → lint (no errors) → simulate', () => {
    expect(makeApp(['init', 'my-app']).status).toBe(0);
    const app = path.join(project, 'my-app');
    const built = makeApp(['build', '--src', 'app-src', '--out', 'dist-app'], app);
    expect(built.status, built.stdout + built.stderr).toBe(0);
    const lint = makeApp(['lint', 'dist-app'], app);
    expect(lint.stdout + lint.stderr).toContain('No problems.');
    expect(lint.status).toBe(0);
    const sim = makeApp(['simulate', 'dist-app', '--scenario', 'app-src/scenarios'], app);
    expect(sim.stdout, sim.stderr).toMatch(/passed, 0 failed/);
    expect(sim.status).toBe(0);
  });

  it('lint, simulate, diff, import and iml work on the reference app', () => {
    cpSync(path.join(ROOT, 'dist-app'), path.join(project, 'reference'), { recursive: true });
    expect(makeApp(['lint', 'reference']).status).toBe(0);
    expect(makeApp(['simulate', 'reference']).status).toBe(0);
    const diff = makeApp(['diff', 'reference', '--against', 'reference', '--no-behaviour']);
    expect(diff.status, diff.stderr).toBe(0);
    const imported = makeApp(['import', 'reference', '--out', 'imported']);
    expect(imported.status, imported.stderr).toBe(0);
    const rebuilt = makeApp(['build', '--src', 'imported/app-src', '--out', 'rebuilt']);
    expect(rebuilt.status, rebuilt.stdout + rebuilt.stderr).toBe(0);
    const iml = makeApp(['iml', '{{upper("ok")}}']);
    expect(iml.stdout.trim()).toBe('"OK"');
  });

  it('serve-api starts, prints its credentials and stops on SIGTERM', async () => {
    const proc = spawn(bin, ['serve-api', '--json', '--quiet'], {
      cwd: project,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      proc.stdout.on('data', (d) => {
        out += d;
        if (out.includes('\n')) resolve(out);
      });
      proc.on('exit', (c) => reject(new Error(`exited ${c}`)));
    });
    expect(JSON.parse(line).client.client_id ?? JSON.parse(line).client.clientId).toBeTruthy();
    const exited = new Promise<number | null>((r) => proc.on('exit', r));
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('a TypeScript file importing the authoring API by the package name type-checks against the shipped .d.ts', () => {
    const file = path.join(project, 'check.ts');
    writeFileSync(
      file,
      [
        "import { defineModule } from 'make-app-toolkit/authoring';",
        "import { lint } from 'make-app-toolkit';",
        "import { evaluateTemplate } from 'make-app-toolkit/iml';",
        "export const m = defineModule({ name: 'x', type: 'action', label: 'X', description: 'X.', communication: { url: '/x' } });",
        "export const r = lint({ paths: ['reference'] }).diagnostics.length;",
        "export const v: unknown = evaluateTemplate('{{1 + 1}}', {});",
        '',
      ].join('\n'),
    );
    const typecheck = () =>
      run(process.execPath, [
        path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
        '--noEmit',
        '--strict',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2022',
        '--skipLibCheck',
        'false',
        '--types',
        'node',
        '--typeRoots',
        path.join(ROOT, 'node_modules', '@types'),
        file,
      ]);
    const r = typecheck();
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
    // and the declarations do catch a mistake: a module type that does not exist
    writeFileSync(file, readFileSync(file, 'utf8').replace("type: 'action'", "type: 'acton'"));
    const wrong = typecheck();
    expect(wrong.status).not.toBe(0);
    expect(wrong.stdout).toContain('check.ts(4,');
  });
});
