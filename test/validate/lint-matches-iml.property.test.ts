/**
 * Every template `make-app iml` rejects as a syntax error is reported by lint (`iml/syntax-error`),
 * on generated strings. Regression: `"{{body.access_token}"` (one brace lost) passed lint because a
 * text pre-check only looked for a quote right after `{{`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateTemplate, ImlSyntaxError } from '../../generator/iml/index.ts';
import { lintApp } from '../../generator/validate/index.ts';
import { imlSyntaxError } from '../../generator/validate/rules/iml-syntax-error.ts';
import { loadCase } from './case-app.ts';

function imlRejects(template: string): boolean {
  try {
    evaluateTemplate(template, { body: {}, parameters: {} });
    return false;
  } catch (e) {
    return e instanceof ImlSyntaxError;
  }
}

/** A module whose request sends the template as a header and as a header name. */
function lintReports(template: string, where: 'value' | 'key'): boolean {
  const t = JSON.stringify(template);
  const headers = where === 'value' ? `{ "x-token": ${t} }` : `{ ${t}: "v" }`;
  const bundle = `{
  "bundleVersion": 1,
  "app": { "name": "p", "label": "P", "version": 1 },
  "general": { "base": { "baseUrl": "https://api.example.com" } },
  "components": { "module": { "m": { "label": "M", "moduleType": "action",
    "codes": { "communication": { "url": "/x", "headers": ${headers} } } } } }
}`;
  const result = lintApp(loadCase(bundle), {}, { rules: [imlSyntaxError], skipSchemas: true });
  return result.diagnostics.some((d) => d.ruleId === 'iml/syntax-error');
}

const piece = fc.constantFrom(
  '{{',
  '}}',
  '{',
  '}',
  '"',
  "'",
  '\\',
  'body',
  '.',
  'access_token',
  '(',
  ')',
  ' ',
  '+',
  ',',
  'a',
);
const template = fc.array(piece, { minLength: 1, maxLength: 10 }).map((p) => p.join(''));

describe('lint reports every template make-app iml rejects', () => {
  it.each([
    ['one closing brace lost', '{{body.access_token}'],
    ['no closing braces', 'Bearer {{body.access_token'],
    ['second expression unclosed', '{{a}} and {{b.c}'],
  ])('%s: %s', (_name, t) => {
    expect(imlRejects(t)).toBe(true);
    expect(lintReports(t, 'value')).toBe(true);
  });

  it('on generated strings, as values and as keys', () => {
    fc.assert(
      fc.property(template, fc.constantFrom('value' as const, 'key' as const), (t, where) => {
        if (imlRejects(t)) expect(lintReports(t, where), JSON.stringify(t)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
