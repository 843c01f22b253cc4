/**
 * The table-driven conformance suite: every operator, keyword, path form and built-in function,
 * with the reference's documented examples. Cases marked "unconfirmed" pin a chosen behaviour.
 */
import { describe, expect, it } from 'vitest';
import { analyzeTemplate, BUILTIN_FUNCTIONS, evaluateTemplate } from '../../generator/iml/index.ts';
import { FIXED_NOW, type ImlCase, seeded, sharedContext } from './conformance/case.ts';
import { DOCS_CASES } from './conformance/docs-examples.ts';
import { DOCUMENTED_PAGE_CASES } from './conformance/documented-pages.ts';
import { ARRAY_CASES } from './conformance/functions-array.ts';
import { DATE_CASES } from './conformance/functions-date.ts';
import { GENERAL_CASES, MATH_CASES } from './conformance/functions-general-math.ts';
import { JSON_CRYPTO_CASES } from './conformance/functions-json-crypto.ts';
import { TEXT_CASES } from './conformance/functions-text.ts';
import { HELP_CASES } from './conformance/help-examples.ts';
import { KEYWORD_CASES } from './conformance/keywords.ts';
import { OPERATOR_CASES } from './conformance/operators.ts';
import { PATH_CASES } from './conformance/paths.ts';
import { TEMPLATE_CASES } from './conformance/templates.ts';

const TABLES: Record<string, ImlCase[]> = {
  operators: OPERATOR_CASES,
  keywords: KEYWORD_CASES,
  paths: PATH_CASES,
  templates: TEMPLATE_CASES,
  general: GENERAL_CASES,
  math: MATH_CASES,
  text: TEXT_CASES,
  date: DATE_CASES,
  array: ARRAY_CASES,
  'json and crypto': JSON_CRYPTO_CASES,
  'documented examples': DOCS_CASES,
  'help-center examples': HELP_CASES,
  'documented pages (once wrong)': DOCUMENTED_PAGE_CASES,
};

const ALL = Object.values(TABLES).flat();

function run(c: ImlCase): unknown {
  const ctx = { ...sharedContext(), ...c.ctx };
  return evaluateTemplate(c.t, ctx, { now: () => FIXED_NOW, random: seeded(), timezone: 'UTC', ...c.opts });
}

for (const [name, cases] of Object.entries(TABLES)) {
  describe(`IML conformance: ${name}`, () => {
    it.each(cases.map((c) => [c.t + (c.opts ? ` ${JSON.stringify(c.opts)}` : ''), c] as const))(
      '%s',
      (_label, c) => {
        if (c.error) {
          let caught: unknown;
          try {
            run(c);
          } catch (e) {
            caught = e;
          }
          expect((caught as Error | undefined)?.name, `expected ${c.error}`).toBe(c.error);
        } else {
          expect(run(c)).toEqual(c.want);
        }
      },
    );
  });
}

describe('IML conformance coverage', () => {
  it('has at least 300 cases', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(300);
  });

  it('calls every built-in function in at least one case', () => {
    const called = new Set(ALL.flatMap((c) => analyzeTemplate(c.t).functions.map((f) => f.name)));
    const missing = [...BUILTIN_FUNCTIONS.keys()].filter((n) => !called.has(n));
    expect(missing).toEqual([]);
  });

  it('uses every keyword and operator spelling', () => {
    const text = ALL.map((c) => c.t).join('\n');
    const words = [
      'true',
      'false',
      'null',
      'undefined',
      'erase',
      'ignore',
      'emptystring',
      'emptyarray',
      'space',
      'nbsp',
      'tab',
      'newline',
      'carriagereturn',
      'now',
      'timestamp',
      'uuid',
      'random',
      'pi',
    ];
    for (const w of words) expect(text, w).toMatch(new RegExp(`\\b${w}\\b`));
    for (const op of [
      ' + ',
      ' ++ ',
      ' - ',
      ' * ',
      ' / ',
      ' % ',
      ' < ',
      ' <= ',
      ' > ',
      ' >= ',
      ' = ',
      ' == ',
      ' === ',
      ' != ',
      ' !== ',
      ' & ',
      ' && ',
      ' | ',
      ' || ',
      '{{!',
      '{{-',
    ])
      expect(text, op).toContain(op);
  });
});
