import { defineRule } from '../types.ts';
import { academyConnection, academySections, bundle, oauthApp, providerOAuthApp } from './case-kit.ts';
import { oauthConnections } from './oauth-util.ts';

export const oauthClientSecretInAuthorize = defineRule({
  id: 'oauth/client-secret-in-authorize',
  description: "The client secret is put into the authorize URL, which the user's browser sees.",
  defaultSeverity: 'error',
  explains: ['sanitize', 'request-field'],
  docs: "The `authorize` section builds the URL Make redirects the user's browser to; anything in it ends up in browser history, proxies and the provider's logs. The client secret belongs only in the back-channel `token` and `refresh` requests.",
  messages: {
    secretVariable:
      'The authorize URL carries the client secret ({path}); send it only in token and refresh.',
    literalSecret: 'The authorize URL carries a literal client secret; send it only in token and refresh.',
  },
  check(ctx) {
    for (const { facts, sections } of oauthConnections(ctx)) {
      const r = sections.get('authorize');
      if (!r) continue;
      const all = facts.strings.filter((s) => s.request === r && !s.directive.startsWith('response'));
      for (const s of all)
        for (const v of s.analysis.variables)
          if (v.path.some((p) => /client_?secret/i.test(p)))
            ctx.report({
              messageId: 'secretVariable',
              data: { path: v.path.join('.') },
              code: s.code,
              pointer: s.pointer,
              offsetInString: v.offset,
              length: v.length,
              component: facts.component,
            });
      const qs = r.value.qs;
      if (qs && typeof qs === 'object')
        for (const [k, v] of Object.entries(qs))
          if (/^client_?secret$/i.test(k) && typeof v === 'string' && !v.includes('{{'))
            ctx.report({
              messageId: 'literalSecret',
              code: r.code,
              pointer: `${r.pointer}/qs/${k}`,
              component: facts.component,
            });
    }
  },
  cases: {
    valid: [
      { name: 'secret only in token', bundle: bundle({ connections: { academy: academyConnection() } }) },
    ],
    invalid: [
      {
        name: 'client_secret in authorize qs',
        bundle: bundle({
          connections: {
            academy: academyConnection(
              academySections({
                authorize: `{ "url": "https://app-academy.make.com/api/v2/authorize",
                  "qs": { "client_id": "{{common.clientId}}", "client_secret": /*@secretVariable"common.clientSecret"*/ "{{common.clientSecret}}", "redirect_uri": "{{oauth.redirectUri}}", "response_type": "code" },
                  "response": { "temp": { "code": "{{query.code}}" } } }`,
              }),
            ),
          },
        }),
      },
      {
        name: 'secret written into the authorize url',
        bundle: oauthApp({
          authorize: `{ "url": /*@secretVariable"common.client_secret"*/ "https://app-academy.make.com/api/v2/authorize?client_id={{common.clientId}}&client_secret={{common.client_secret}}&response_type=code", "response": { "temp": { "code": "{{query.code}}" } } }`,
        }),
      },
      {
        name: 'a literal secret pasted into the authorize qs of another provider',
        bundle: providerOAuthApp({
          authorize: `{ "url": "https://crm.example.com/oauth/authorize", "qs": { "client_id": "{{common.clientId}}", "clientSecret": /*@literalSecret*/ "d41d8cd98f00b204", "redirect_uri": "{{oauth.redirectUri}}" }, "response": { "temp": { "code": "{{query.code}}" } } }`,
          token: `{ "url": "https://crm.example.com/oauth/token", "method": "POST", "body": { "grant_type": "authorization_code", "code": "{{temp.code}}" }, "response": { "data": { "accessToken": "{{body.access_token}}" } } }`,
        }),
      },
    ],
  },
});
