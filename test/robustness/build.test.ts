import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, garbageBytes, ROOT, read, STACK, workspace } from './harness.ts';

const ws = workspace('build');
const SRC = `${ROOT}/app-src`;

describe('make-app build with hostile paths', { timeout: 120_000 }, () => {
  it.each([
    ['build', ['--src', SRC]],
    ['build', ['--src', SRC, '--check']],
    ['start', ['--src', SRC, '--no-simulate']],
  ])('%s %s with --out naming an existing file: exit 2, one line, the file untouched', async (cmd, args) => {
    const user = ws.file(`user-file-${cmd}-${args.length}.bin`, garbageBytes(500));
    const before = read(user);
    const r = await cli(cmd, ...args, '--out', user);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    expect(r.err).toMatch(/user-file-.*\.bin: .*not a folder/);
    expect(read(user)).toBe(before);
  });

  it.each([
    ['an empty JSON file', 'app.json', ''],
    ['binary garbage', 'garbage.bin', garbageBytes(300)],
  ])('--src naming %s says what --src must be, not a transform error', async (_label, name, content) => {
    const src = ws.file(`src-file/${name}`, content);
    const r = await cli('build', '--src', src, '--out', ws.path('out-never'));
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    expect(r.err).toMatch(/--src .*folder with app\.ts|a \.ts file/);
  });

  it('an app.ts that default-exports a number is told to default-export defineApp(...)', async () => {
    ws.file('num-src/package.json', '{"type":"module"}');
    ws.file('num-src/app.ts', 'export default 42;\n');
    const r = await cli('build', '--src', ws.path('num-src'), '--out', ws.path('out-num'));
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    expect(r.err).toMatch(/app\.ts: app\.ts must default-export defineApp/);
  });
});

describe('make-app build into a folder holding user files', { timeout: 120_000 }, () => {
  it('a user file where the build needs a folder (modules) stops the build before anything is written', async () => {
    const out = ws.folder('out-with-file');
    const notes = ws.file('out-with-file/modules', 'my notes\n');
    const r = await cli('build', '--src', SRC, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    expect(r.err).toMatch(/refusing to overwrite "modules"/);
    expect(read(notes)).toBe('my notes\n');
    // nothing half-written next to it
    expect(readdirSync(out)).toEqual(['modules']);
  });
});
