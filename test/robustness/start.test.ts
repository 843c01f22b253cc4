import { describe, expect, it } from 'vitest';
import { cli, garbageBytes, ROOT, read, STACK, workspace } from './harness.ts';

const ws = workspace('start');
const SRC = `${ROOT}/app-src`;

describe('make-app start with hostile scenario and output paths', { timeout: 120_000 }, () => {
  const out = ws.path('dist');

  it.each([
    ['binary garbage', garbageBytes(2000), /garbage\.yaml(:\d+:\d+)?: scenario: must be object/],
    [
      'a billion-laughs YAML bomb',
      ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        .concat(
          'bcdefghi'
            .split('')
            .map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
        )
        .join('\n'),
      /garbage\.yaml: .*alias/i,
    ],
    [
      'wrong types',
      'name: 42\nsteps:\n  - run: { module: [1, 2] }\n',
      /garbage\.yaml:3:\d+: .*must be string/,
    ],
  ])('--scenario holding %s: exit 2 naming the file, no stack trace', async (_label, content, expected) => {
    const scenario = ws.file('garbage.yaml', content);
    const r = await cli('start', '--src', SRC, '--out', out, '--scenario', scenario);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    expect(r.err).toMatch(expected);
  });

  it('--har naming a folder is refused before the build runs', async () => {
    const folder = ws.folder('a-folder');
    const r = await cli('start', '--src', SRC, '--out', ws.path('dist-har'), '--har', folder);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    expect(r.err).toMatch(/a-folder: --har must name a file/);
  });

  it('--har naming a scenario file or a source file is refused and the file untouched', async () => {
    const scenario = ws.file('keep.yaml', 'name: keep\nsteps:\n  - connect: { as: john }\n');
    const before = read(scenario);
    const r = await cli(
      'start',
      '--src',
      SRC,
      '--out',
      ws.path('dist-keep'),
      '--scenario',
      scenario,
      '--har',
      scenario,
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--har .*--scenario file/);
    expect(read(scenario)).toBe(before);
    const appTs = `${SRC}/app.ts`;
    const source = read(appTs);
    const r2 = await cli(
      'start',
      '--src',
      SRC,
      '--out',
      ws.path('dist-keep'),
      '--har',
      appTs,
      '--no-simulate',
    );
    expect(r2.code).toBe(2);
    expect(read(appTs)).toBe(source);
  });
});

describe('output paths under an existing file', { timeout: 60_000 }, () => {
  const userFile = ws.file('notes.txt', 'mine\n');
  it.each([
    ['start', ['start', '--src', SRC, '--out', ws.path('dist-under'), '--har', `${userFile}/run.har`]],
    ['simulate', ['simulate', `${ROOT}/dist-app`, '--har', `${userFile}/run.har`]],
    ['lint', ['lint', `${ROOT}/dist-app`, '-o', `${userFile}/report.txt`]],
    [
      'diff',
      [
        'diff',
        `${ROOT}/dist-app`,
        '--against',
        `${ROOT}/dist-app`,
        '--no-behaviour',
        '--output',
        `${userFile}/d.txt`,
      ],
    ],
  ])('%s: an output path inside a file is refused up front, the file kept', async (_cmd, args) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    expect(r.err).toMatch(/notes\.txt is a file, so it cannot hold/);
    expect(r.out).not.toMatch(/^build /m);
    expect(read(userFile)).toBe('mine\n');
  });
});
