import { defineRule } from '../types.ts';
import { ACADEMY_BASE, academyConnection, bundle, module } from './case-kit.ts';
import { modules } from './util.ts';

/** An Academy app whose one module is a universal module with these codes. */
function universalApp(codes: string): string {
  return bundle({
    base: ACADEMY_BASE,
    connections: { academy: academyConnection() },
    modules: { makeApiCall: module('universal', codes) },
  });
}

export const securityUniversalUserUrl = defineRule({
  id: 'security/universal-user-url',
  description: 'A universal module ("Make an API call") whose URL, host included, comes from the user.',
  defaultSeverity: 'error',
  explains: ['url'],
  docs: "The universal module adds the connection's credentials (base headers, tokens) to a request the user describes. If the user controls the whole URL, they can send those credentials to any host. Keep the host fixed: use a relative path joined to `baseUrl`, or `https://api.example.com/{{parameters.url}}`.",
  messages: {
    userHost:
      "The URL starts with user input, so users can send the connection's credentials to any host; prefix it with the API's host or a relative path.",
  },
  check(ctx) {
    for (const f of modules(ctx, 'universal'))
      for (const r of f.requests) {
        const u = r.url?.trim();
        if (!u?.startsWith('{{')) continue;
        ctx.report({
          messageId: 'userHost',
          code: r.code,
          pointer: `${r.pointer}/url`,
          component: f.component,
        });
      }
  },
  cases: {
    valid: [
      {
        name: 'relative path',
        bundle: universalApp(
          `"communication": { "url": "/{{parameters.url}}", "method": "{{parameters.method}}" }, "mappableParams": [{ "name": "url", "type": "text", "label": "URL" }, { "name": "method", "type": "text", "label": "Method" }]`,
        ),
      },
    ],
    invalid: [
      {
        name: 'whole URL from the user',
        bundle: universalApp(
          `"communication": { "url": /*@userHost*/ "{{parameters.url}}", "method": "GET" }, "mappableParams": [{ "name": "url", "type": "url", "label": "URL" }]`,
        ),
      },
      {
        name: 'user URL with leading spaces',
        bundle: universalApp(
          `"communication": { "url": /*@userHost*/ "  {{parameters.url}}", "method": "{{parameters.method}}" }, "mappableParams": [{ "name": "url", "type": "text", "label": "URL" }, { "name": "method", "type": "text", "label": "Method" }]`,
        ),
      },
      {
        name: 'URL built from a user-chosen host',
        bundle: universalApp(
          `"communication": { "url": /*@userHost*/ "{{parameters.host}}/api/v2{{parameters.path}}", "method": "GET" }, "mappableParams": [{ "name": "host", "type": "text", "label": "Host" }, { "name": "path", "type": "text", "label": "Path" }]`,
        ),
      },
    ],
  },
});
