import { BUILTIN_FUNCTIONS } from '../../iml/index.ts';
import { VARIABLE_HOME } from '../analysis/index.ts';
import { defineRule } from '../types.ts';
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

export const imlUnavailableVariable = defineRule({
  id: 'iml/unavailable-variable',
  description:
    'A variable read where Make does not provide it (e.g. `body` before the response, `item` outside iterate).',
  defaultSeverity: 'error',
  explains: ['reference'],
  docs: 'Each directive sees its own set of variables (make-iml.md §10.7): `body`, `headers` and `statusCode` exist only after the response arrives; `item` only in `response.iterate.condition` and, with `iterate`, in `output`/`trigger`; `query` only in an OAuth2 `authorize` response or webhook; `payload` only in instant triggers; `oauth.*` only in OAuth2 connections; `connection.*` only in components that use a connection. Elsewhere the variable is always empty. Move the expression to the right directive or carry the value through `temp`.',
  messages: {
    noConnection: '{component} uses no connection, so `connection` is empty; link a connection to it.',
    notInPhase: '`{name}` is not available in {phase}; it exists in {home}.',
    functionAsValue:
      '`{name}` is a function, not a value, so it evaluates to nothing; to leave a field out write `ignore` (or `undefined`).',
    unknownVariable:
      '`{name}` is not a variable Make provides here (did you mean `parameters.{name}` or `temp.{name}`?).',
  },
  check(ctx) {
    for (const s of ctx.analysis.strings)
      for (const v of s.analysis.variables) {
        const root = v.path[0];
        if (root === undefined || s.available.has(root)) continue;
        const f = s.component ? ctx.analysis.facts(s.component) : undefined;
        const phase = `${PHASE_WORDS[s.phase]} of ${s.componentId}${s.section ? ` (${s.section})` : ''}`;
        const messageId =
          root === 'connection' && f && f.connections.length === 0 && s.component?.kind !== 'connection'
            ? 'noConnection'
            : VARIABLE_HOME[root]
              ? 'notInPhase'
              : BUILTIN_FUNCTIONS.has(root) && v.path.length === 1
                ? 'functionAsValue'
                : 'unknownVariable';
        ctx.report({
          messageId,
          data: { name: root, component: s.componentId, phase, home: VARIABLE_HOME[root] ?? '' },
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
      {
        name: 'output without braces is text, not a read of item (only iterate is IML without braces)',
        bundle: academyApp(
          `"communication": { "url": "/movies/{{parameters.id}}", "response": { "output": "item.title" } }, ${ID_PARAM}, "scope": ["read"]`,
        ),
      },
    ],
    invalid: [
      {
        name: 'body in the request url and item without iterate',
        bundle: academyApp(
          `"communication": { "url": /*@notInPhase"body.id"*/ "/movies/{{body.id}}", "response": { "output": /*@notInPhase"item"*/ "{{item}}" } }, ${ID_PARAM}, "scope": ["read"]`,
        ),
      },
      {
        name: 'query outside authorize and payload in an action',
        bundle: bundle({
          base: ACADEMY_BASE,
          connections: { academy: academyConnection() },
          modules: {
            caseModule: `{ "label": "Case", "description": "Returns a thing.", "moduleType": "action", "connection": "academy",
              "codes": { "communication": { "url": "/movies", "qs": { "q": /*@notInPhase"query.q"*/ "{{query.q}}", "p": /*@notInPhase"payload"*/ "{{payload.id}}" } }, "scope": ["read"] } }`,
          },
        }),
      },
      {
        name: 'a webhook without a connection reads the connection',
        bundle: bundle({
          webhooks: {
            events: `{ "label": "Events", "webhookType": "web",
              "codes": { "communication": { "condition": /*@noConnection"connection.secret"*/ "{{headers['x-signature'] == connection.secret}}", "output": "{{body}}" } } }`,
          },
        }),
      },
      {
        name: 'a function name used as a value, and a parameter name without parameters.',
        bundle: academyApp(
          `"communication": { "url": /*@unknownVariable"id"*/ "/movies/{{id}}", "body": { "title": /*@functionAsValue"trim"*/ "{{trim}}" }, "method": "PATCH" }, ${ID_PARAM}, "scope": ["write"]`,
        ),
      },
    ],
  },
});
