/** Static analysis: variables (with index positions), functions (arity, custom), errors; whole values with pointers. */
import { describe, expect, it } from 'vitest';
import { analyzeTemplate, analyzeValue, hasIml } from '../../generator/iml/index.ts';

describe('analyzeTemplate', () => {
  it('lists variable paths with their positions and literal bracket indexes', () => {
    const src = 'x {{body.items[0].id}} {{connection.accessToken}}';
    const a = analyzeTemplate(src);
    expect(a.variables.map((v) => v.path)).toEqual([
      ['body', 'items', 'id'],
      ['connection', 'accessToken'],
    ]);
    const first = a.variables[0];
    expect(src.slice(first.offset, first.offset + first.length)).toBe('body.items[0].id');
    expect(first.indexes).toEqual([{ value: 0, offset: src.indexOf('[0]') }]);
    expect(a.hasIml).toBe(true);
    expect(a.errors).toEqual([]);
  });

  it('records negative literal indexes and stops the path at a computed bracket', () => {
    const a = analyzeTemplate('{{a.b[-1].c}} {{d.e[temp.i].f}}');
    expect(a.variables.map((v) => [v.path, v.indexes.map((i) => i.value)])).toEqual([
      [['a', 'b', 'c'], [-1]],
      [['temp', 'i'], []],
      [['d', 'e'], []],
    ]);
  });

  it('lists function calls with arity, and marks custom ones', () => {
    const a = analyzeTemplate("{{formatDate(now, 'X')}} {{iml.myFn(a, b, c)}} {{other(1)}}");
    expect(a.functions.map((f) => [f.name, f.arity, f.custom])).toEqual([
      ['formatDate', 2, false],
      ['myFn', 3, true],
      ['other', 1, true],
    ]);
  });

  it('collects one syntax error per broken expression and keeps analysing the rest', () => {
    const a = analyzeTemplate('{{a +}} {{ok.path}} {{f(}}');
    expect(a.errors.map((e) => e.offset)).toEqual([5, 24]);
    expect(a.variables.map((v) => v.path)).toEqual([['ok', 'path']]);
  });

  it('never throws, whatever it is given', () => {
    expect(analyzeTemplate('{{').errors).toEqual([
      { code: 'S0101', message: "'{{' is never closed with '}}'", offset: 0, length: 2 },
    ]);
    expect(analyzeTemplate('{{ x').errors).toHaveLength(1);
    expect(analyzeTemplate(42 as unknown as string).hasIml).toBe(false);
  });
});

describe('analyzeValue', () => {
  it('returns one entry per IML string or key with its JSON pointer', () => {
    const value = {
      url: '/movies/{{parameters.id}}',
      qs: { limit: 10, 'a/b': '{{parameters.limit}}' },
      headers: { '{{...}}': '{{parameters.headers}}', Authorization: 'Bearer {{connection.accessToken}}' },
      list: ['plain', '{{item.x}}'],
      body: { '{{parameters.key}}': 'v' },
    };
    const entries = analyzeValue(value);
    expect(entries.map((e) => [e.pointer, e.inKey])).toEqual([
      ['/url', false],
      ['/qs/a~1b', false],
      ['/headers/{{...}}', false],
      ['/headers/Authorization', false],
      ['/list/1', false],
      ['/body/{{parameters.key}}', true],
    ]);
    expect(entries[0].variables[0].path).toEqual(['parameters', 'id']);
    expect(entries[5].source).toBe('{{parameters.key}}');
  });

  it('walks very deep values without recursion limits', () => {
    let deep: unknown = '{{x}}';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(analyzeValue(deep)).toHaveLength(1);
  });
});

describe('hasIml', () => {
  it.each([
    ['{{a}}', true],
    ['x {{ a }} y', true],
    ['{{', false],
    ['}} {{', false],
    ['plain', false],
  ])('%s → %s', (src, want) => expect(hasIml(src)).toBe(want));
});
