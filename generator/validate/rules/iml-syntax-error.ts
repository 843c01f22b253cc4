import { defineRule } from '../types.ts';
import { ACADEMY_BASE, academyConnection, bundle, module } from './case-kit.ts';
import { genericApp } from './shared-cases.ts';

export const imlSyntaxError = defineRule({
  id: 'iml/syntax-error',
  description: 'An IML expression `{{...}}` that does not parse.',
  defaultSeverity: 'error',
  docs: "Make evaluates every `{{...}}` in communication, epoch and webhook documents. An expression that does not parse (a stray bracket, a missing operand, an unclosed string) fails at run time with an unhelpful error, and Make's own schemas never parse IML. The finding points at the character where parsing stopped.",
  messages: {
    syntaxError: 'IML syntax error: {detail}.',
  },
  check(ctx) {
    for (const s of ctx.analysis.strings)
      for (const e of s.analysis.errors)
        ctx.report({
          messageId: 'syntaxError',
          data: { detail: e.message },
          code: s.code,
          pointer: s.pointer,
          key: s.inKey,
          offsetInString: e.offset,
          length: e.length,
          component: s.component ?? 'base',
        });
  },
  cases: {
    valid: [
      {
        name: 'well-formed expressions',
        bundle: bundle({
          base: ACADEMY_BASE,
          connections: { academy: academyConnection() },
          modules: {
            getMovie: module(
              'action',
              `"communication": { "url": "/movies/{{parameters.id}}", "response": { "output": "{{body}}" } }, "mappableParams": [{ "name": "id", "type": "text", "label": "ID", "required": true }], "scope": ["read"]`,
            ),
          },
        }),
      },
    ],
    invalid: [
      {
        name: 'a stray closing parenthesis',
        bundle: bundle({
          base: ACADEMY_BASE,
          connections: { academy: academyConnection() },
          modules: {
            getMovie: module(
              'action',
              `"communication": { "url": /*@syntaxError")}}"*/ "/movies/{{parameters.id)}}", "response": { "output": "{{body}}" } }, "mappableParams": [{ "name": "id", "type": "text", "label": "ID", "required": true }], "scope": ["read"]`,
            ),
          },
        }),
      },
      {
        name: 'a {{ that never closes',
        bundle: bundle({
          base: ACADEMY_BASE,
          connections: { academy: academyConnection() },
          modules: {
            getMovie: module(
              'action',
              `"communication": { "url": /*@syntaxError"{{"*/ "/movies/{{parameters.id", "response": { "output": "{{body}}" } }, "mappableParams": [{ "name": "id", "type": "text", "label": "ID", "required": true }], "scope": ["read"]`,
            ),
          },
        }),
      },
      {
        name: 'an operator with no right operand in a filter query',
        bundle: genericApp(
          `"communication": { "url": "/contacts", "qs": { "filter": /*@syntaxError"}}"*/ "{{parameters.status + }}" }, "response": { "iterate": "{{body.data}}", "limit": "{{parameters.limit}}" } }, "mappableParams": [{ "name": "status", "type": "text", "label": "Status" }, { "name": "limit", "type": "uinteger", "label": "Limit" }]`,
        ),
      },
    ],
  },
});
