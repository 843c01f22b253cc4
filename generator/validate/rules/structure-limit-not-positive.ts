import { defineRule } from '../types.ts';
import { academyApp } from './shared-cases.ts';
import { responseOf } from './util.ts';

export const structureLimitNotPositive = defineRule({
  id: 'structure/limit-not-positive',
  description: 'A literal `response.limit` that is not a positive integer.',
  defaultSeverity: 'error',
  docs: '`response.limit` caps how many bundles a module outputs. Zero is rejected by Make (InvalidConfigurationError), negative or fractional values make no sense. Use a positive integer or `{{parameters.limit}}`.',
  messages: {
    notPositive: 'response.limit is {value}; use a positive integer or {{parameters.limit}}.',
  },
  check(ctx) {
    for (const r of ctx.analysis.requests) {
      const l = responseOf(r)?.limit;
      const n =
        typeof l === 'number'
          ? l
          : typeof l === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(l)
            ? Number(l)
            : undefined;
      if (n === undefined || (Number.isInteger(n) && n > 0)) continue;
      ctx.report({
        messageId: 'notPositive',
        data: { value: JSON.stringify(l) },
        code: r.code,
        pointer: `${r.pointer}/response/limit`,
        component: r.component ?? 'base',
      });
    }
  },
  cases: {
    valid: [
      {
        name: 'positive',
        bundle: academyApp(
          `"communication": { "url": "/movies", "response": { "iterate": "{{body.movies}}", "limit": 5 } }, "scope": ["read"]`,
          'search',
        ),
      },
    ],
    invalid: [
      {
        name: 'zero',
        bundle: academyApp(
          `"communication": { "url": "/movies", "response": { "iterate": "{{body.movies}}", "limit": /*@notPositive*/ 0 } }, "scope": ["read"]`,
          'search',
        ),
      },
      {
        name: 'negative limit as text',
        bundle: academyApp(
          `"communication": { "url": "/movies", "response": { "iterate": "{{body.movies}}", "limit": /*@notPositive*/ "-1" } }, "scope": ["read"]`,
          'search',
        ),
      },
      {
        name: 'fractional limit',
        bundle: academyApp(
          `"communication": { "url": "/movies", "response": { "iterate": "{{body.movies}}", "limit": /*@notPositive*/ 2.5 } }, "scope": ["read"]`,
          'search',
        ),
      },
    ],
  },
});
