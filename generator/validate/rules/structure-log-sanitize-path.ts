import { isObject } from '../../model/index.ts';
import { defineRule } from '../types.ts';
import { bundle } from './case-kit.ts';

export const structureLogSanitizePath = defineRule({
  id: 'structure/log-sanitize-path',
  description:
    'A `log.sanitize` entry that does not start with `request.` or `response.`, so it masks nothing.',
  defaultSeverity: 'error',
  explains: ['sanitize'],
  docs: '`log.sanitize` paths are dot paths into the logged request or response: `request.headers.authorization`, `request.body.client_secret`, `response.body.access_token` (backticks around names with dashes). A path without the `request.`/`response.` prefix matches nothing, so the secret it was meant to hide is logged.',
  messages: {
    masksNothing:
      'log.sanitize entry {entry} masks nothing; write "request.…" or "response.…" (e.g. "request.headers.authorization").',
  },
  check(ctx) {
    for (const r of ctx.analysis.requests) {
      const log = r.value.log;
      if (!isObject(log) || !Array.isArray(log.sanitize)) continue;
      log.sanitize.forEach((p, i) => {
        if (typeof p === 'string' && /^(request|response)\.\S/.test(p)) return;
        ctx.report({
          messageId: 'masksNothing',
          data: { entry: JSON.stringify(p) },
          code: r.code,
          pointer: `${r.pointer}/log/sanitize/${i}`,
          component: r.component ?? 'base',
        });
      });
    }
  },
  cases: {
    valid: [
      {
        name: 'prefixed paths',
        bundle: bundle({
          base: `{ "baseUrl": "https://api.example.com", "log": { "sanitize": ["request.headers.authorization", "response.body.token"] } }`,
        }),
      },
    ],
    invalid: [
      {
        name: 'a bare header name',
        bundle: bundle({
          base: `{ "baseUrl": "https://api.example.com", "log": { "sanitize": ["request.headers.authorization", /*@masksNothing*/ "headers.x-api-key"] } }`,
        }),
      },
      {
        name: 'a JSON pointer instead of a dotted path',
        bundle: bundle({
          base: `{ "baseUrl": "https://api.example.com", "log": { "sanitize": [/*@masksNothing*/ "/request/headers/authorization"] } }`,
        }),
      },
      {
        name: 'a response field without its prefix in a connection',
        bundle: bundle({
          connections: {
            key: `{ "label": "Key", "connectionType": "basic", "codes": { "communication": { "url": "https://api.example.com/me", "log": { "sanitize": ["request.headers.x-api-key", /*@masksNothing*/ "body.token"] } } } }`,
          },
        }),
      },
    ],
  },
});
