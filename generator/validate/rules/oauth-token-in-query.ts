import { defineRule } from '../types.ts';
import { ACADEMY_BASE, academyConnection, bundle, oauthApp } from './case-kit.ts';
import { academyApp } from './shared-cases.ts';

export const oauthTokenInQuery = defineRule({
  id: 'oauth/token-in-query',
  description: 'An OAuth access token sent in the query string instead of the Authorization header.',
  defaultSeverity: 'error',
  explains: ['request-field'],
  docs: "Query strings are logged by servers, proxies and Make's own request log (which `log.sanitize` cannot clean for URLs). RFC 6750 §5.3 says not to pass bearer tokens in page URLs. Send `Authorization: Bearer {{connection.accessToken}}` instead.",
  messages: {
    tokenInQuery:
      'The access token ({path}) is sent in the query string; send it in an Authorization header.',
  },
  check(ctx) {
    for (const s of ctx.analysis.strings) {
      if (
        !(s.directive.startsWith('qs.') || s.directive === 'url' || s.directive.startsWith('pagination.qs.'))
      )
        continue;
      const conn = s.component?.kind === 'connection' ? ['connection', 'data'] : ['connection'];
      for (const v of s.analysis.variables) {
        if (!conn.includes(v.path[0]) || v.path.length < 2 || !/access_?token/i.test(v.path[1])) continue;
        if (s.directive === 'url' && !s.source.slice(0, v.offset).includes('?')) continue;
        ctx.report({
          messageId: 'tokenInQuery',
          data: { path: v.path.join('.') },
          code: s.code,
          pointer: s.pointer,
          offsetInString: v.offset,
          length: v.length,
          component: s.component ?? 'base',
        });
      }
    }
  },
  cases: {
    valid: [
      {
        name: 'bearer header',
        bundle: bundle({ base: ACADEMY_BASE, connections: { academy: academyConnection() } }),
      },
    ],
    invalid: [
      {
        name: 'access_token in base qs',
        bundle: bundle({
          base: `{ "baseUrl": "https://app-academy.make.com/api/v2", "qs": { "access_token": /*@tokenInQuery"connection.accessToken"*/ "{{connection.accessToken}}" } }`,
          connections: { academy: academyConnection() },
        }),
      },
      {
        name: 'token appended to a module url',
        bundle: academyApp(
          `"communication": { "url": /*@tokenInQuery"connection.accessToken"*/ "/movies?access_token={{connection.accessToken}}" }, "scope": ["read"]`,
        ),
      },
      {
        name: 'info request of the connection passes data.access_token as a query parameter',
        bundle: oauthApp({
          info: `{ "url": "https://app-academy.make.com/api/v2/info", "qs": { "token": /*@tokenInQuery"data.access_token"*/ "{{data.access_token}}" }, "response": { "uid": "{{body.id}}" } }`,
        }),
      },
    ],
  },
});
