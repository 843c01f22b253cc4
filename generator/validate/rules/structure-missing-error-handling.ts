import { isObject } from '../../model/index.ts';
import { defineRule } from '../types.ts';
import { academyConnection, bundle, module } from './case-kit.ts';

export const structureMissingErrorHandling = defineRule({
  id: 'structure/missing-error-handling',
  description: 'Base defines no `response.error`, so API errors reach users as bare status codes.',
  defaultSeverity: 'info',
  explains: ['section-missing'],
  docs: 'Without `response.error` users see only "Status Code Error: 400". Make\'s review asks for a base-level error message built from the API\'s error body, e.g. `"[{{statusCode}}] {{body.error.message}}"`, and error types for 429 (RateLimitError) and 5xx (ConnectionError).',
  messages: {
    noError:
      'Base sets no response.error; add "error": { "message": "[{{statusCode}}] {{body.<error message path>}}" }.',
  },
  check(ctx) {
    const base = ctx.app.general.base;
    if (
      !base ||
      base.value === undefined ||
      ctx.analysis.components.every((f) => f.component.kind !== 'module')
    )
      return;
    const has = ctx.analysis.baseRequests.some(
      (r) => isObject(r.value.response) && r.value.response.error !== undefined,
    );
    if (has) return;
    ctx.report({
      messageId: 'noError',
      code: base,
      pointer: '',
      component: 'base',
    });
  },
  cases: {
    valid: [
      {
        name: 'error mapped',
        bundle: bundle({
          base: `{ "baseUrl": "https://api.example.com", "response": { "error": { "message": "[{{statusCode}}] {{body.message}}" } } }`,
          connections: { academy: academyConnection() },
          modules: {
            m: `{ "label": "M", "description": "Returns M.", "moduleType": "action", "codes": { "communication": { "url": "/m" } } }`,
          },
        }),
      },
    ],
    invalid: [
      {
        name: 'no error',
        bundle: bundle({
          base: `/*@noError*/ { "baseUrl": "https://api.example.com" }`,
          modules: {
            m: `{ "label": "M", "description": "Returns M.", "moduleType": "action", "codes": { "communication": { "url": "/m" } } }`,
          },
        }),
      },
      {
        name: 'base with headers and sanitize but no error',
        bundle: bundle({
          base: `/*@noError*/ { "baseUrl": "https://api.example.com/v2", "headers": { "x-api-key": "{{connection.apiKey}}" }, "log": { "sanitize": ["request.headers.x-api-key"] } }`,
          connections: {
            key: `{ "label": "Key", "connectionType": "basic", "codes": { "params": [{ "name": "apiKey", "type": "password", "label": "API key" }] } }`,
          },
          modules: {
            getThing: module('action', `"communication": { "url": "/things/1" }`).replace(
              '"connection": "academy"',
              '"connection": "key"',
            ),
          },
        }),
      },
      {
        name: 'base whose response sets only the type',
        bundle: bundle({
          base: `/*@noError*/ { "baseUrl": "https://api.example.com", "response": { "type": "json" } }`,
          connections: { academy: academyConnection() },
          modules: { getMovie: module('action', `"communication": { "url": "/movies/1" }`) },
        }),
      },
    ],
  },
});
