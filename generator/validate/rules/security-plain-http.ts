import { defineRule } from '../types.ts';
import { bundle, oauthApp } from './case-kit.ts';
import { academyApp } from './shared-cases.ts';

const LOCAL = /^http:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$)/i;

export const securityPlainHttp = defineRule({
  id: 'security/plain-http',
  description: 'A request URL or base URL uses plain `http://`.',
  defaultSeverity: 'error',
  explains: ['url'],
  docs: 'Requests carry credentials (tokens, API keys) and user data; over plain HTTP anyone on the path can read or change them. Use `https://`. Loopback addresses are allowed for local testing.',
  messages: {
    plainHttp: '{directive} uses plain http:// ({url}); use https://.',
  },
  check(ctx) {
    for (const r of ctx.analysis.requests)
      for (const key of ['url', 'baseUrl'] as const) {
        const u = r.value[key];
        if (typeof u !== 'string' || !/^\s*http:\/\//i.test(u) || LOCAL.test(u.trim())) continue;
        ctx.report({
          messageId: 'plainHttp',
          data: { directive: key, url: u },
          code: r.code,
          pointer: `${r.pointer}/${key}`,
          component: r.component ?? 'base',
        });
      }
  },
  cases: {
    valid: [{ name: 'https base', bundle: bundle({ base: `{ "baseUrl": "https://api.example.com" }` }) }],
    invalid: [
      {
        name: 'http base',
        bundle: bundle({ base: `{ "baseUrl": /*@plainHttp*/ "http://api.example.com" }` }),
      },
      {
        name: 'a module url to another host over http',
        bundle: academyApp(
          `"communication": { "url": /*@plainHttp*/ "http://legacy.example.com/movies" }, "scope": ["read"]`,
        ),
      },
      {
        name: 'the token endpoint over http',
        bundle: oauthApp({
          token: `{ "url": /*@plainHttp*/ "http://app-academy.make.com/api/v2/token", "method": "POST", "body": { "grant_type": "authorization_code", "code": "{{temp.code}}" } }`,
        }),
      },
    ],
  },
});
