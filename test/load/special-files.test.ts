import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadApp } from '../../generator/load/index.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'load-special-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;

function appWithCode(name: string): string {
  const root = path.join(tmp, name);
  mkdirSync(root, { recursive: true });
  writeFileSync(
    path.join(root, 'makecomapp.json'),
    JSON.stringify({
      fileVersion: 1,
      components: { module: { m: { moduleType: 'action', codeFiles: { communication: 'c.iml.json' } } } },
    }),
  );
  return root;
}

describe.skipIf(!hasMkfifo)('special files inside the app folder', () => {
  it('a named pipe as a code file is refused at once (no wait for a writer)', { timeout: 10_000 }, () => {
    const root = appWithCode('pipe-code');
    spawnSync('mkfifo', [path.join(root, 'c.iml.json')]);
    const app = loadApp(root);
    const d = app.diagnostics.find((x) => x.ruleId === 'load/not-a-file');
    expect(d?.message).toMatch(/c\.iml\.json" is not a regular file/);
    expect(app.components.module.m.codes.communication).toBeUndefined();
  });

  it('a link to a named pipe inside the app is refused the same way', { timeout: 10_000 }, () => {
    const root = appWithCode('pipe-link');
    spawnSync('mkfifo', [path.join(root, 'pipe')]);
    symlinkSync('pipe', path.join(root, 'c.iml.json'));
    expect(
      loadApp(root)
        .diagnostics.map((x) => x.message)
        .join('\n'),
    ).toMatch(/is not a regular file/);
  });

  it('a named pipe as makecomapp.json is refused', { timeout: 10_000 }, () => {
    const root = path.join(tmp, 'pipe-manifest');
    mkdirSync(root, { recursive: true });
    spawnSync('mkfifo', [path.join(root, 'makecomapp.json')]);
    const app = loadApp(root);
    expect(app.diagnostics.map((x) => x.message).join('\n')).toMatch(
      /makecomapp\.json" is not a regular file/,
    );
  });

  it('an empty regular file still loads as empty text (a JSON syntax error, not a refusal)', () => {
    const root = appWithCode('empty-code');
    writeFileSync(path.join(root, 'c.iml.json'), '');
    const ids = loadApp(root).diagnostics.map((x) => x.ruleId);
    expect(ids).toContain('load/json-syntax');
    expect(ids).not.toContain('load/not-a-file');
  });
});
