import { BUILTIN_FUNCTIONS } from '../../iml/index.ts';
import { VARIABLE_HOME } from '../analysis/index.ts';
import type { Rule } from '../types.ts';
import { ACADEMY_BASE, academyConnection, bundle } from './case-kit.ts';
import { academyApp, ID_PARAM } from './shared-cases.ts';

const PHASE_WORDS: Record<string, string> = {
  'request-temp': 'the request part',
  request: 'the request part',
  repeat: 'repeat',
  'response-temp': 'response.temp',
  response: 'the response part',
  iterate: 'response.iterate',
  item: 'the per-item response part',
  wrapper: 'response.wrapper',
  pagination: 'pagination',
  'webhook-incoming': 'webhook communication',
  'webhook-item': 'webhook communication',
  responder: 'a responder',
  other: 'this section',
};

export const imlUnavailableVariable: Rule = {
  id: 'iml/unavailable-variable',
  description:
    'A variable read where Make does not provide it (e.g. `body` before the response, `item` outside iterate).',
  defaultSeverity: 'error',
  docs: 'Each directive sees its own set of variables (make-iml.md §10.7): `body`, `headers` and `statusCode` exist only after the response arrives; `item` only in `response.iterate.condition` and, with `iterate`, in `output`/`trigger`; `query` only in an OAuth2 `authorize` response or webhook; `payload` only in instant triggers; `oauth.*` only in OAuth2 connections; `connection.*` only in components that use a connection. Elsewhere the variable is always empty. Move the expression to the right directive or carry the value through `temp`.',
  check(ctx) {
    for (const s of ctx.analysis.strings)
      for (const v of s.analysis.variables) {
        const root = v.path[0];
        if (root === undefined || s.available.has(root)) continue;
        const f = s.component ? ctx.analysis.facts(s.component) : undefined;
        let why: string;
        if (root === 'connection' && f && f.connections.length === 0 && s.component?.kind !== 'connection')
          why = `${s.componentId} uses no connection, so \`connection\` is empty; link a connection to it`;
        else if (VARIABLE_HOME[root])
          why = `\`${root}\` is not available in ${PHASE_WORDS[s.phase]} of ${s.componentId}${s.section ? ` (${s.section})` : ''}; it exists in ${VARIABLE_HOME[root]}`;
        else if (BUILTIN_FUNCTIONS.has(root) && v.path.length === 1)
          why = `\`${root}\` is a function, not a value, so it evaluates to nothing; to leave a field out write \`ignore\` (or \`undefined\`)`;
        else
          why = `\`${root}\` is not a variable Make provides here (did you mean \`parameters.${root}\` or \`temp.${root}\`?)`;
        ctx.report({
          message: `${why}.`,
          code: s.code,
          pointer: s.pointer,
          key: s.inKey,
          offsetInString: v.offset,
          length: v.length,
          component: s.component ?? 'base',
        });
      }
  },
  cases: {
    valid: [
      {
        name: 'body in the response, item after iterate, query in authorize.response',
        bundle: academyApp(
          `"communication": { "url": "/movies", "response": { "iterate": "{{body.movies}}", "output": "{{item}}", "limit": "{{parameters.limit}}" } }, "mappableParams": [{ "name": "limit", "type": "uinteger", "label": "Limit", "default": 5 }], "scope": ["read"]`,
          'search',
        ),
      },
    ],
    invalid: [
      {
        name: 'body in the request url and item without iterate',
        bundle: academyApp(
          `"communication": { "url": /*@"body.id"*/ "/movies/{{body.id}}", "response": { "output": /*@"item"*/ "{{item}}" } }, ${ID_PARAM}, "scope": ["read"]`,
        ),
      },
      {
        name: 'query outside authorize and payload in an action',
        bundle: bundle({
          base: ACADEMY_BASE,
          connections: { academy: academyConnection() },
          modules: {
            caseModule: `{ "label": "Case", "description": "Returns a thing.", "moduleType": "action", "connection": "academy",
              "codes": { "communication": { "url": "/movies", "qs": { "q": /*@"query.q"*/ "{{query.q}}", "p": /*@"payload"*/ "{{payload.id}}" } }, "scope": ["read"] } }`,
          },
        }),
      },
    ],
  },
};
