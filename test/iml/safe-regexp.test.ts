/**
 * Regular expressions from apps and templates run in bounded time (issue 10, item 3): on V8's
 * linear-time engine when the pattern allows it (case-insensitive patterns rewritten for it), else
 * on the normal engine with a hard deadline ending in a clear error. No timing assertions: a
 * pattern that hung would time the test out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldCase, safeRegExp } from '../../generator/iml/functions/safe-regexp.ts';
import { evaluateTemplate, ImlEvalError } from '../../generator/iml/index.ts';

describe('safeRegExp', () => {
  it('the issue payload /^(a|a)*\\1b$/ ends with a clear error instead of running for seconds', () => {
    const template = '{{replace("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"; "/^(a|a)*\\1b$/"; "x")}}';
    expect(() => evaluateTemplate(template, {})).toThrow(ImlEvalError);
    expect(() => evaluateTemplate(template, {})).toThrow(/regular expression .* was stopped after \d+ ms/);
    // the engine stays usable
    expect(evaluateTemplate('{{replace("aab"; "/^(a|a)*b$/"; "x")}}', {})).toBe('x');
  });

  it('runs catastrophic shapes the linear engine accepts to a result, case-insensitive ones too', () => {
    const evil = `${'a'.repeat(5000)}!`;
    for (const [pattern, flags] of [
      ['(a+)+$', ''],
      ['(a|a)*$', 'g'],
      ['^(\\w*x)*$', ''],
      ['(A+)+$', 'i'],
      ['^([a-z]|[A-Z])*b$', 'im'],
    ] as const) {
      const re = safeRegExp(pattern, flags);
      expect(re.engine).toBe('linear');
      expect(re.test(evil)).toBe(
        pattern === '(a+)+$' || pattern === '(A+)+$' ? false : pattern === '(a|a)*$',
      );
    }
  });

  it('keeps JavaScript semantics for every flag and replacement pattern', () => {
    const t = (s: string, search: string, r: string) =>
      evaluateTemplate(`{{replace(s; search; r)}}`, { s, search, r });
    expect(t('Hello World', '/o/g', '0')).toBe('Hell0 W0rld');
    expect(t('Hello World', '/O/gi', '0')).toBe('Hell0 W0rld');
    expect(t('a\nb', '/^b$/m', 'B')).toBe('a\nB');
    expect(t('a\nb', '/a.b/s', 'x')).toBe('x');
    expect(t('2024-01-31', '/(?<y>\\d+)-(\\d+)-(\\d+)/', '$3.$2.$<y>')).toBe('31.01.2024');
    expect(t('ÉCOLE école', '/é/gi', 'e')).toBe('eCOLE ecole');
    expect(t('😀x😀', '/./gu', '.')).toBe('...');
    expect(t('abcabc', '/(?<=a)b/g', 'B')).toBe('aBcaBc');
    expect(t('aa bb', '/(\\w)\\1/g', '<$1>')).toBe('<a> <b>');
    expect(() => t('x', '/(/', 'y')).toThrow(/invalid regular expression/);
  });

  it('a custom function calling iml.replace with the payload is stopped too', async () => {
    const { createCustomFunctions } = await import('../../generator/iml/index.ts');
    const fns = createCustomFunctions(
      { redos: "function redos(s) { return iml.replace(s, '/^(a|a)*\\\\1b$/', 'x'); }" },
      { timeoutMs: 5000 },
    );
    try {
      expect(() => evaluateTemplate('{{redos(s)}}', { s: 'a'.repeat(40) }, { functions: fns })).toThrow(
        /was stopped after/,
      );
    } finally {
      fns.dispose();
    }
  });
});

describe('foldCase (case-insensitive patterns for the linear engine)', () => {
  it('spells out case variants of literals and classes, keeping group names and escapes', () => {
    expect(foldCase('a1')).toBe('[\\u0041\\u0061]1');
    expect(foldCase('(?<Name>x)\\d')).toBe('(?<Name>[\\u0058\\u0078])\\d');
    expect(foldCase('[^a-b\\s]')).toBe('[^\\s\\u0041-\\u0042\\u0061-\\u0062]');
    expect(foldCase('(a)\\1')).toBeUndefined();
  });

  it('matches exactly what the native /i engine matches', () => {
    const atoms = [
      'a',
      'B',
      'k',
      's',
      'é',
      'ß',
      'ſ',
      'K',
      '\\w',
      '\\W',
      '\\s',
      '.',
      '[a-c]',
      '[^k]',
      '[\\w-]',
      '\\x41',
      '\\u00e9',
    ];
    const pattern = fc
      .array(fc.tuple(fc.constantFrom(...atoms), fc.constantFrom('', '*', '+', '?', '{1,2}')), {
        minLength: 1,
        maxLength: 4,
      })
      .map((parts) => parts.map(([a, q]) => a + q).join(''));
    const text = fc
      .array(
        fc.constantFrom('a', 'A', 'b', 'K', 'k', 's', 'S', 'é', 'É', 'ß', 'ſ', 'K', '-', ' ', '_', '\n'),
        { maxLength: 12 },
      )
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(pattern, text, fc.constantFrom('gi', 'i', 'gim', 'gis'), (p, s, flags) => {
        const re = safeRegExp(p, flags);
        expect(re.engine).toBe('linear');
        expect(re.replace(s, '<$&>')).toBe(s.replace(new RegExp(p, flags), '<$&>'));
      }),
      { numRuns: 500 },
    );
  });
});
