import { existsSync, readdirSync } from 'node:fs';
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
    // refused as a folder holding files the build did not write, before any compile or write
    expect(r.err).toMatch(/is not empty and was not written by make-app build/);
    expect(read(notes)).toBe('my notes\n');
    // nothing half-written next to it
    expect(readdirSync(out)).toEqual(['modules']);
  });
});

describe('make-app build --baseline with wrong types', { timeout: 120_000 }, () => {
  it.each([
    ['a null entry', '{"version":1,"findings":[null]}', /findings\[0\]/],
    ['a number entry', '{"version":1,"findings":[5]}', /findings\[0\]/],
    [
      'a ruleId that is a number',
      '{"version":1,"findings":[{"ruleId":1,"file":"f","pointer":"","message":"m","reason":"r"}]}',
      /findings\[0\]\.ruleId must be a string/,
    ],
    ['a syntax error', '{"version":1,\n "findings": [}', /baseline\.json:2:\d+: /],
  ])('%s: exit 2 naming the baseline, nothing written', async (label, text, expected) => {
    const baseline = ws.file(`bl-${label.replace(/\W+/g, '-')}/baseline.json`, text);
    const out = ws.path(`bl-out-${label.replace(/\W+/g, '-')}`);
    const r = await cli('build', '--src', SRC, '--out', out, '--baseline', baseline);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    expect(r.err).toMatch(expected);
    expect(existsSync(out)).toBe(false);
  });
});
