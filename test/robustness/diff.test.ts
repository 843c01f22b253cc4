import { describe, expect, it } from 'vitest';
import { cli, deepArray, garbageBytes, read, STACK, workspace } from './harness.ts';

const ws = workspace('diff');

describe('make-app diff with hostile input', { timeout: 60_000 }, () => {
  const theirs = ws.copyOfReference('theirs');
  const reference = ws.copyOfReference('reference');

  it.each([
    ['theirs', 'app.bundle.json'],
    ['reference', 'app.bundle.json'],
    ['reference', 'makecomapp.json'],
    ['theirs', 'modules/groups.json'],
  ])('--output over %s/%s is refused and the file is untouched', async (which, rel) => {
    const target = `${which === 'theirs' ? theirs : reference}/${rel}`;
    const before = read(target);
    const r = await cli('diff', theirs, '--against', reference, '--no-behaviour', '--output', target);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    expect(r.err).toMatch(/--output .*file of the (app|reference)/);
    expect(read(target)).toBe(before);
  });

  it.each([
    ['binary garbage', garbageBytes(3000), /:1:\d+: the app holds no components: /],
    ['100k nested arrays', deepArray(100_000), /:1:257: the app holds no components: .*deeper than 256/],
  ])(
    'an app whose manifest is %s: exit 2 naming <app>/makecomapp.json with line and column',
    async (label, content, expected) => {
      const dir = `bad-${label.replace(/\W+/g, '-')}`;
      ws.file(`${dir}/makecomapp.json`, content);
      const r = await cli('diff', ws.path(dir), '--against', reference, '--no-behaviour');
      expect(r.code).toBe(2);
      expect(r.err).not.toMatch(STACK);
      expect(r.err).toMatch(expected);
      // the file is named so it can be opened from where the command ran, not relative to the app
      expect(r.err).toContain(`${dir}/makecomapp.json:`);
    },
  );

  it('a YAML bomb as --scenario is refused by the alias limit', async () => {
    const bomb = ws.file(
      'bomb.yaml',
      ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        .concat(
          'bcdefghi'
            .split('')
            .map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
        )
        .join('\n'),
    );
    const r = await cli('diff', theirs, '--against', reference, '--scenario', bomb);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    expect(r.err).toMatch(/bomb\.yaml: .*alias/i);
  });
});

describe('make-app diff --output over the --scenario file', { timeout: 60_000 }, () => {
  it('is refused and the scenario is untouched', async () => {
    const app = ws.copyOfReference('scn-app');
    const scenario = ws.file('keep.yaml', 'name: keep\nsteps:\n  - connect: { as: john }\n');
    const r = await cli('diff', app, '--against', app, '--scenario', scenario, '--output', scenario);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--output .*--scenario file/);
    expect(read(scenario)).toBe('name: keep\nsteps:\n  - connect: { as: john }\n');
  });
});
