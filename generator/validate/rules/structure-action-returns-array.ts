import { LIST_DIRECTIVES } from '../../model/index.ts';
import { defineRule } from '../types.ts';
import { academyApp, ID_PARAM } from './shared-cases.ts';
import { modules, responseOf } from './util.ts';

export const structureActionReturnsArray = defineRule({
  id: 'structure/action-returns-array',
  description: 'An action that iterates, limits or outputs an array: actions return exactly one bundle.',
  defaultSeverity: 'error',
  docs: 'An action outputs one bundle per run. `response.iterate`, `response.limit` or an array `output` make it produce several, which Make rejects ("Invalid module output. Expected Object, but found Array."). Use a search module for lists, or output one object.',
  messages: {
    listDirective:
      'Action {component} uses response.{directive}; actions return one bundle — use a search module for lists.',
    arrayOutput: 'Action {component} outputs an array; output one object.',
  },
  check(ctx) {
    for (const f of modules(ctx, 'action'))
      for (const r of f.requests) {
        if (r.code.codeType !== 'communication') continue;
        const resp = responseOf(r);
        if (!resp) continue;
        for (const key of LIST_DIRECTIVES)
          if (resp[key] !== undefined)
            ctx.report({
              messageId: 'listDirective',
              data: { component: f.id, directive: key },
              code: r.code,
              pointer: `${r.pointer}/response/${key}`,
              key: true,
              component: f.component,
            });
        if (Array.isArray(resp.output))
          ctx.report({
            messageId: 'arrayOutput',
            data: { component: f.id },
            code: r.code,
            pointer: `${r.pointer}/response/output`,
            component: f.component,
          });
      }
  },
  cases: {
    valid: [
      {
        name: 'one object',
        bundle: academyApp(
          `"communication": { "url": "/movies/{{parameters.id}}", "response": { "output": "{{body}}" } }, ${ID_PARAM}, "scope": ["read"]`,
        ),
      },
    ],
    invalid: [
      {
        name: 'iterate in an action',
        bundle: academyApp(
          `"communication": { "url": "/awards/{{parameters.id}}", "response": { /*@listDirective*/"iterate": "{{body.awards}}" } }, ${ID_PARAM}, "scope": ["read"]`,
        ),
      },
      {
        name: 'a get action that outputs a one-item array',
        bundle: academyApp(
          `"communication": { "url": "/movies/{{parameters.id}}", "response": { "output": /*@arrayOutput*/ ["{{body}}"] } }, ${ID_PARAM}, "scope": ["read"]`,
        ),
      },
      {
        name: 'a list action with iterate and limit',
        bundle: academyApp(
          `"communication": { "url": "/movies", "response": { /*@listDirective*/"iterate": "{{body.movies}}", /*@listDirective*/"limit": "{{parameters.limit}}" } }, "mappableParams": [{ "name": "limit", "type": "uinteger", "label": "Limit" }], "scope": ["read"]`,
        ),
      },
    ],
  },
});
