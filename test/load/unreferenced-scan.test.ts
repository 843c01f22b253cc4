import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadApp } from '../../generator/load/index.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'load-unref-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const manifest = {
  fileVersion: 1,
  generalCodeFiles: { base: null, common: null, readme: null, groups: null },
  components: {
    connection: {},
    webhook: {},
    module: {
      m: {
        label: 'M',
        moduleType: 'action',
        codeFiles: { communication: 'modules/m/m.communication.iml.json' },
      },
    },
    rpc: {},
    function: {},
  },
  origins: [],
};

function write(root: string, rel: string, text = '{}'): void {
  const f = path.join(root, rel);
  mkdirSync(path.dirname(f), { recursive: true });
  writeFileSync(f, text);
}

describe('unreferenced-file notices (one listing of the app folder before loading)', () => {
  const root = path.join(tmp, 'app');
  write(root, 'makecomapp.json', JSON.stringify(manifest));
  write(root, 'modules/m/m.communication.iml.json', '{"url": "/x", "method": "GET"}');
  const deep8 = `${Array.from({ length: 8 }, (_, i) => `d${i}`).join('/')}/at-depth-8.json`;
  const deep9 = `${Array.from({ length: 9 }, (_, i) => `d${i}`).join('/')}/at-depth-9.json`;
  const table: [rel: string, noticed: boolean][] = [
    ['modules/m/Orphan.json', true],
    ['modules/m/orphan.jsonc', true],
    ['modules/m/b.imljson', true],
    ['modules/m/notes.txt', false],
    ['modules/z-extra/a.json', true],
    ['modules/A-extra/a.json', true],
    ['package.json', false],
    ['.hidden/x.json', false],
    ['node_modules/x/y.json', false],
    [deep8, true],
    [deep9, false],
  ];
  for (const [rel] of table) write(root, rel);
  // A symlinked folder is not walked into (its files are outside the app's own tree).
  write(tmp, 'outside/o.json');
  symlinkSync(path.join(tmp, 'outside'), path.join(root, 'linked'));
  const app = loadApp(root);
  const noticed = app.diagnostics.filter((d) => d.ruleId === 'load/unreferenced-file').map((d) => d.file);

  it.each(table)('%s is noticed: %s', (rel, expected) => {
    expect(noticed.includes(rel)).toBe(expected);
  });

  it('notices nothing else: not the referenced file, not a file behind a symlinked folder', () => {
    expect([...noticed].sort()).toEqual(
      table
        .filter(([, n]) => n)
        .map(([rel]) => rel)
        .sort(),
    );
  });

  it('still reads referenced files in listed folders', () => {
    expect(app.components.module.m.codes.communication?.value).toEqual({ url: '/x', method: 'GET' });
  });
});
