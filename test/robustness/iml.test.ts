import { describe, expect, it } from 'vitest';
import { cli, deepArray, deepObject, garbageBytes, STACK, workspace } from './harness.ts';

const ws = workspace('iml');

describe('make-app iml with hostile input', () => {
  it('--vars nested 100k levels deep is refused with the file and position, not a stack overflow', async () => {
    const vars = ws.file('deep-vars.json', deepObject(100_000));
    const r = await cli('iml', '{{a}}', '--vars', vars);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    expect(r.err).toMatch(/deep-vars\.json:1:\d+: .*deeper than/);
  });

  it('--vars that is not JSON names the file, line and column', async () => {
    const vars = ws.file('broken-vars.json', '{\n  "a": 1,\n  oops\n}');
    const r = await cli('iml', '{{a}}', '--vars', vars);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    expect(r.err).toMatch(/broken-vars\.json:3:3: /);
  });

  it.each([
    ['binary garbage', garbageBytes(4000)],
    ['an empty file', ''],
    ['a top-level array', deepArray(3)],
  ])('--vars holding %s exits 2 with one line naming the file', async (_label, content) => {
    const vars = ws.file(`vars-${_label.replace(/\W+/g, '-')}.json`, content);
    const r = await cli('iml', '{{a}}', '--vars', vars);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    expect(r.err).toContain('vars-');
  });

  it('--functions nested 100k levels deep is refused with its position', async () => {
    const fns = ws.file('deep-fns.json', deepObject(100_000));
    const r = await cli('iml', '{{a}}', '--functions', fns);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    expect(r.err).toMatch(/deep-fns\.json:1:\d+: /);
  });

  it('a folder given as --vars is an input error, not a crash', async () => {
    const r = await cli('iml', '{{a}}', '--vars', ws.folder('a-folder'));
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    expect(r.err).toContain('a-folder');
  });

  it('10k nested calls and 10k nested parentheses stop at the nesting limit with a caret', async () => {
    for (const t of [
      `{{${'lower('.repeat(10_000)}"x"${')'.repeat(10_000)}}}`,
      `{{${'('.repeat(10_000)}1${')'.repeat(10_000)}}}`,
    ]) {
      const r = await cli('iml', t);
      expect(r.code).toBe(2);
      expect(r.err).not.toMatch(STACK);
      expect(r.err).toMatch(/nested deeper than \d+ levels \(column \d+\)/);
    }
  });
});
