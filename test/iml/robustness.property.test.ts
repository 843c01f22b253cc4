/**
 * Property-based robustness: whatever the input, the engine answers with a value or one of its
 * typed errors, terminates, and the printer is idempotent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyzeTemplate,
  BUILTIN_FUNCTIONS,
  evaluate,
  evaluateTemplate,
  ImlError,
  parseTemplate,
  printTemplate,
} from '../../generator/iml/index.ts';

const ctx = { a: { b: [1, 'x', { c: null }] }, n: 3, s: 'text', arr: [3, 1, 2] };
const opts = { now: () => new Date('2026-01-01T00:00:00Z'), random: () => 0.5 };

/** Runs fn; any thrown value must be an ImlError. */
function onlyTypedErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof ImlError))
      throw new Error(`untyped error: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
}

const FRAGMENTS = [
  '{{',
  '}}',
  '(',
  ')',
  '[',
  ']',
  ',',
  ';',
  '.',
  "'",
  '"',
  '`',
  '\\',
  ' ',
  '-',
  '+',
  '++',
  '*',
  '/',
  '%',
  '!',
  '=',
  '==',
  '!=',
  '<',
  '>=',
  '&',
  '&&',
  '|',
  '||',
  'a',
  'b',
  'n',
  's',
  'arr',
  '1',
  '0',
  '-1',
  '2.5',
  'true',
  'null',
  'undefined',
  'emptyarray',
  'now',
  'uuid',
  'if(',
  'ifempty(',
  'switch(',
  'get(',
  'length(',
  'split(',
  'join(',
  'sort(',
  'map(',
  'add(',
  'formatDate(',
  'parseDate(',
  'addDays(',
  'setDay(',
  'replace(',
  'sha256(',
  'parseJSON(',
  'createJSON(',
  'iml.',
  'toBinary(',
  'flatten(',
  'substring(',
  'trunc(',
  'formatNumber(',
  'dateDiff(',
  'jwt(',
  'distinct(',
  'toCollection(',
  'x',
  '{',
  '}',
];

/** Strings assembled from IML-ish fragments reach far deeper into the parser than random characters. */
const imlish = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));
const wrapped = imlish.map((s) => `{{${s}}}`);

/** Well-formed expressions from a small grammar, so the evaluator (not only the parser) is exercised. */
const OPS = ['+', '++', '-', '*', '/', '%', '<', '<=', '>', '>=', '=', '==', '!=', '&', '&&', '|', '||'];
const expression: fc.Arbitrary<string> = fc.letrec((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(
      fc.integer({ min: -5, max: 100 }).map(String),
      fc.constantFrom(
        "'x'",
        "'2026-01-01'",
        "'a,b'",
        "''",
        'true',
        'null',
        'undefined',
        'now',
        'emptyarray',
        'pi',
        'space',
      ),
      fc.constantFrom('n', 's', 'arr', 'a.b', 'a.b[1]', 'a.b[-1].c', 'arr[]', 'missing.x', 'a.`b`[2]'),
    ),
    fc.tuple(tie('expr'), fc.constantFrom(...OPS), tie('expr')).map(([l, op, r]) => `${l} ${op} ${r}`),
    tie('expr').map((e) => `(${e})`),
    tie('expr').map((e) => `!${e}`),
    tie('expr').map((e) => `-(${e})`),
    fc
      .tuple(fc.constantFrom(...BUILTIN_FUNCTIONS.keys()), fc.array(tie('expr'), { maxLength: 4 }))
      .map(([name, args]) => `${name}(${args.join(', ')})`),
  ),
})).expr as fc.Arbitrary<string>;

describe('robustness (property-based)', () => {
  it('parse, analyse, evaluate and print of random text throw only typed errors', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 80 }),
          imlish,
          wrapped,
        ),
        (src) => {
          onlyTypedErrors(() => parseTemplate(src));
          onlyTypedErrors(() => evaluateTemplate(src, ctx, opts));
          onlyTypedErrors(() => printTemplate(src));
          const analysis = analyzeTemplate(src);
          expect(Array.isArray(analysis.errors)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('evaluates generated well-formed expressions to a value or a typed error', () => {
    fc.assert(
      fc.property(expression, (e) => onlyTypedErrors(() => evaluateTemplate(`{{${e}}}`, ctx, opts))),
      { numRuns: 3000 },
    );
  });

  it('prints idempotently and the printed form evaluates like the original', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          wrapped,
          expression.map((e) => `{{${e}}}`),
        ),
        (src) => {
          let printed: string;
          try {
            printed = printTemplate(src);
          } catch (e) {
            expect(e).toBeInstanceOf(ImlError);
            return;
          }
          expect(printTemplate(printed)).toBe(printed);
          let original: unknown;
          let again: unknown;
          try {
            original = evaluateTemplate(src, ctx, opts);
          } catch (e) {
            original = (e as Error).name;
          }
          try {
            again = evaluateTemplate(printed, ctx, opts);
          } catch (e) {
            again = (e as Error).name;
          }
          if (typeof original === 'string' && /^[0-9a-f-]{36}$/.test(original)) return;
          expect(again).toEqual(original);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('handles very long input in bounded time', () => {
    const long = `${'x'.repeat(200_000)}{{a.b[1] + n}}${'y'.repeat(200_000)}`;
    expect((evaluateTemplate(long, ctx) as string).length).toBe(400_001);
    const manyExpressions = '{{n}}'.repeat(20_000);
    expect(evaluateTemplate(manyExpressions, ctx)).toBe('3'.repeat(20_000));
    onlyTypedErrors(() => evaluateTemplate(`{{${"'".repeat(100_000)}}}`, ctx));
    onlyTypedErrors(() => evaluateTemplate(`{{${'f('.repeat(50_000)}`, ctx));
    onlyTypedErrors(() => evaluateTemplate(`{{a${'.b'.repeat(50_000)}}}`, ctx));
  });

  it('answers deep nesting of every construct with typed errors (no stack overflow)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 150, max: 5000 }),
        fc.constantFrom(['(', ')'], ['f(', ')'], ['a[', ']'], ['!', ''], ['-', ''], ['if(true,', ',1)']),
        (depth, [open, close]) => {
          onlyTypedErrors(() => evaluateTemplate(`{{${open.repeat(depth)}1${close.repeat(depth)}}}`, ctx));
          onlyTypedErrors(() => analyzeTemplate(`{{${open.repeat(depth)}1${close.repeat(depth)}}}`));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('evaluates random JSON documents deeply without untyped errors', () => {
    const doc = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.oneof(fc.string(), imlish, wrapped, fc.integer(), fc.boolean(), fc.constant(null)),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.oneof(fc.string(), fc.constant('{{...}}'), wrapped), tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(doc, (value) => onlyTypedErrors(() => evaluate(value, ctx, opts))),
      { numRuns: 1000 },
    );
  });
});
