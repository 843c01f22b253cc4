import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importApp } from '../../generator/compile/index.ts';
import { cli, garbageBytes, read, STACK, workspace } from './harness.ts';

const ws = workspace('import');

describe('make-app import with hostile input', { timeout: 120_000 }, () => {
  it.each([
    ['binary garbage', garbageBytes(3000)],
    ['an empty file', ''],
    ['a JSON array', '[1,2,3]'],
  ])(
    'an app whose makecomapp.json is %s: exit 2 naming the manifest, and nothing is written',
    async (label, content) => {
      const dir = `bad-${label.replace(/\W+/g, '-')}`;
      ws.file(`${dir}/makecomapp.json`, content);
      const out = ws.path(`${dir}-out`);
      const r = await cli('import', ws.path(dir), '--out', out);
      expect(r.code).toBe(2);
      expect(r.err).not.toMatch(STACK);
      expect(r.err).toMatch(new RegExp(`${dir}/makecomapp\\.json:\\d+:\\d+: the app holds no components`));
      expect(existsSync(out)).toBe(false);
    },
  );

  it('an app with paths leaving it imports what it can but exits 1 and names each skipped path', async () => {
    ws.file('outside.iml.json', '{}');
    ws.file(
      'escape/makecomapp.json',
      JSON.stringify({
        fileVersion: 1,
        generalCodeFiles: { base: '../outside.iml.json', common: '/etc/passwd' },
        components: {
          module: {
            getThing: {
              label: 'Get',
              moduleType: 'action',
              codeFiles: { communication: '../../etc/hostname' },
            },
          },
        },
      }),
    );
    const r = await cli('import', ws.path('escape'), '--out', ws.path('escape-out'));
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(STACK);
    expect(r.err).toMatch(
      /makecomapp\.json:1:\d+ error load\/path-outside-app Path "\.\.\/outside\.iml\.json" leaves the app folder/,
    );
    expect(r.err).toMatch(/load\/path-outside-app Path "\/etc\/passwd" is absolute/);
  });

  it('--force into a folder it did not write is refused, the user package.json untouched', async () => {
    const out = ws.folder('project');
    const pkg = ws.file(
      'project/package.json',
      '{\n  "name": "my-project",\n  "scripts": { "test": "x" }\n}\n',
    );
    const r = await cli('import', ws.copyOfReference('ref-pkg'), '--out', out, '--force');
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    expect(r.err).toMatch(/is not empty and was not written by make-app import/);
    expect(read(pkg)).toBe('{\n  "name": "my-project",\n  "scripts": { "test": "x" }\n}\n');
    expect(existsSync(`${out}/app-src`)).toBe(false);
  });

  it('--force over its own earlier import keeps a package.json the user changed (and says how to make it ESM)', async () => {
    const out = ws.path('reimported');
    expect((await cli('import', ws.copyOfReference('ref-again'), '--out', out)).code).toBe(0);
    const mine = '{\n  "name": "my-project",\n  "scripts": { "test": "x" }\n}\n';
    ws.file('reimported/package.json', mine);
    const r = await cli('import', ws.copyOfReference('ref-again-2'), '--out', out, '--force');
    expect(r.err).not.toMatch(STACK);
    expect(read(`${out}/package.json`)).toBe(mine);
    expect(r.err).toMatch(/package\.json.*"type": "module"/);
    expect(existsSync(`${out}/app-src/app.ts`)).toBe(true);
  });

  it('--force with --out being the app itself never replaces a file the app was read from', () => {
    // a loose-layout app whose code file sits exactly where the import writes app.ts's neighbour
    const app = ws.copyOfReference('self');
    ws.file('self/package.json', '{"name":"self-app"}\n');
    const files = readdirSync(app, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
    const before = new Map(files.map((f) => [f, read(`${app}/${f}`)]));
    try {
      importApp(app, { out: app, force: true });
    } catch {
      // refusing is fine; overwriting is not
    }
    for (const [f, text] of before) expect(read(`${app}/${f}`), f).toBe(text);
  });
});
