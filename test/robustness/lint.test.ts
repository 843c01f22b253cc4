import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, deepArray, garbageBytes, read, STACK, workspace } from './harness.ts';

const ws = workspace('lint');

describe('make-app lint never writes over the app it lints', { timeout: 60_000 }, () => {
  const app = ws.copyOfReference('app');

  it.each([
    ['-o', 'makecomapp.json'],
    ['-o', 'app.bundle.json'],
    ['-o', 'general/base.iml.json'],
    ['--write-baseline', 'makecomapp.json'],
    ['--write-baseline', 'app.bundle.json'],
  ])('%s %s is refused and the file is untouched', async (flag, rel) => {
    const target = `${app}/${rel}`;
    const before = read(target);
    const r = await cli('lint', app, flag, target);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    expect(r.err).toMatch(/(-o|--output|--write-baseline) .*file of the app being linted/);
    expect(read(target)).toBe(before);
  });

  it('-o and --write-baseline at the same path is a usage error', async () => {
    const out = ws.path('same.json');
    const r = await cli('lint', app, '-o', out, '--write-baseline', out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/name the same file/);
  });

  it('a report file next to the app (not an app file) is still written, and rewritten on a rerun', async () => {
    const out = `${app}/lint.sarif`;
    expect((await cli('lint', app, '-f', 'sarif', '-o', out)).code).toBe(0);
    expect((await cli('lint', app, '-f', 'sarif', '-o', out)).code).toBe(0);
    expect(JSON.parse(read(out)).version).toBe('2.1.0');
  });
});

describe('make-app lint with hostile apps reports findings with positions, never crashes', () => {
  it.each([
    ['binary garbage', garbageBytes(5000), /makecomapp\.json\n\s+1:1\s+error .*load\/json-syntax/],
    ['an empty file', '', /1:1\s+error\s+The file is empty/],
    ['100k nested arrays', deepArray(100_000), /1:257\s+error .*deeper than 256 levels/],
    ['a JSON array', '[1,2,3]', /must hold a JSON object/],
    [
      'wrong types everywhere',
      '{"fileVersion":"one","generalCodeFiles":[1],"components":{"module":null,"connection":[1],"rpc":{"x":null},"webhook":{"w":{"label":7,"codeFiles":"no"}}},"origins":7}',
      /`fileVersion` must be a number/,
    ],
    [
      'paths leaving the app',
      '{"fileVersion":1,"generalCodeFiles":{"base":"../../etc/passwd","common":"/etc/passwd"},"components":{}}',
      /Path "\.\.\/\.\.\/etc\/passwd" leaves the app folder/,
    ],
  ])('a makecomapp.json holding %s', async (label, content, expected) => {
    const dir = `m-${label.replace(/\W+/g, '-')}`;
    ws.file(`${dir}/makecomapp.json`, content);
    const r = await cli('lint', ws.path(dir));
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(STACK);
    expect(r.out).toMatch(expected);
  });

  it('a 50 MB makecomapp.json is refused by size without being parsed', async () => {
    ws.file('huge/makecomapp.json', JSON.stringify({ x: 'a'.repeat(50_000_000) }));
    const r = await cli('lint', ws.path('huge'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/over the \d+-byte limit; it was not read/);
  });
});

describe('make-app lint with special files inside the app', () => {
  it('a named pipe as a code file is a load error naming it, not a hang', async () => {
    const app = ws.copyOfReference('pipe-code');
    rmSync(`${app}/general/base.iml.json`);
    spawnSync('mkfifo', [`${app}/general/base.iml.json`]);
    const r = await cli('lint', app);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/"general\/base\.iml\.json" is not a regular file/);
  });

  it('a named pipe as makecomapp.json is a load error, not a hang', async () => {
    const manifestPipe = ws.folder('pipe-manifest');
    spawnSync('mkfifo', [`${manifestPipe}/makecomapp.json`]);
    const r = await cli('lint', manifestPipe);
    expect(r.code).not.toBe(0);
    expect(r.out + r.err).toMatch(/makecomapp\.json.*not a regular file/);
  });
});

describe('make-app lint on a file that is nothing but syntax errors', { timeout: 60_000 }, () => {
  it('100k stray commas give the first syntax errors and one summary line, in every format', async () => {
    ws.file('commas/makecomapp.json', `{${','.repeat(100_000)}}`);
    for (const format of ['stylish', 'junit', 'json']) {
      const r = await cli('lint', ws.path('commas'), '-f', format);
      expect(r.code).toBe(1);
      expect(r.err).not.toMatch(STACK);
      const syntax = r.out.match(/load\/json-syntax/g) ?? [];
      expect(syntax.length, format).toBeGreaterThan(10);
      expect(syntax.length, format).toBeLessThan(400);
      expect(r.out).toMatch(/and \d+ more syntax errors in this file/);
    }
  });

  it('a UTF-16 makecomapp.json is one clear encoding error', async () => {
    const app = ws.folder('utf16');
    ws.file(
      'utf16/makecomapp.json',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a": 1}', 'utf16le')]),
    );
    const r = await cli('lint', app);
    expect(r.out).toMatch(/UTF-16/);
    expect((r.out.match(/load\/json-syntax/g) ?? []).length).toBeLessThanOrEqual(1);
  });
});
