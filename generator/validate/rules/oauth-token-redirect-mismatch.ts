import { defineRule } from '../types.ts';
import { academyConnection, academySections, bundle, oauthApp, providerOAuthApp } from './case-kit.ts';
import { oauthConnections, requestParam } from './oauth-util.ts';

const norm = (v: unknown) => (typeof v === 'string' ? v.replace(/\s+/g, '') : JSON.stringify(v));

export const oauthTokenRedirectMismatch = defineRule({
  id: 'oauth/token-redirect-mismatch',
  description: "The token request's `redirect_uri` differs from (or omits) the one sent by `authorize`.",
  defaultSeverity: 'error',
  explains: ['request-field'],
  docs: 'RFC 6749 §4.1.3 (and the App Academy API) require the token request to repeat exactly the `redirect_uri` used in the authorization request; otherwise the code exchange fails with `invalid_grant`. Use the same expression in both, typically `{{oauth.redirectUri}}`.',
  messages: {
    missing: 'The token request sends no redirect_uri, but authorize sends {authorize}; send the same value.',
    differs:
      "The token request's redirect_uri {token} differs from authorize's {authorize}; the code exchange will fail.",
  },
  check(ctx) {
    for (const { facts, sections } of oauthConnections(ctx)) {
      const authorize = sections.get('authorize');
      const token = sections.get('token');
      if (!authorize || !token) continue;
      const a = requestParam(authorize, 'redirect_uri');
      if (!a) continue;
      const t = requestParam(token, 'redirect_uri');
      const related = [{ ...authorize.code.locate(a.pointer), message: 'authorize sends this redirect_uri' }];
      if (!t) {
        ctx.report({
          messageId: 'missing',
          data: { authorize: JSON.stringify(a.value) },
          code: token.code,
          pointer: token.value.body !== undefined ? `${token.pointer}/body` : token.pointer,
          component: facts.component,
          related,
        });
      } else if (norm(t.value) !== norm(a.value)) {
        ctx.report({
          messageId: 'differs',
          data: { token: JSON.stringify(t.value), authorize: JSON.stringify(a.value) },
          code: token.code,
          pointer: t.pointer,
          component: facts.component,
          related,
        });
      }
    }
  },
  cases: {
    valid: [{ name: 'same expression', bundle: bundle({ connections: { academy: academyConnection() } }) }],
    invalid: [
      {
        name: 'token sends the legacy redirect uri',
        bundle: bundle({
          connections: {
            academy: academyConnection(
              academySections({
                token: `{ "url": "https://app-academy.make.com/api/v2/token", "method": "POST",
                  "body": { "grant_type": "authorization_code", "code": "{{temp.code}}", "redirect_uri": /*@differs*/ "https://www.integromat.com/oauth/cb/app" },
                  "response": { "data": { "accessToken": "{{body.access_token}}", "refreshToken": "{{body.refresh_token}}", "expires": "{{addMinutes(now, body.expires_in)}}" }, "expires": "{{addMinutes(now, body.refresh_expires_in)}}" },
                  "log": { "sanitize": ["request.body.code", "response.body.access_token", "response.body.refresh_token"] } }`,
              }),
            ),
          },
        }),
      },
      {
        name: 'token request without redirect_uri',
        bundle: oauthApp({
          token: `{ "url": "https://app-academy.make.com/api/v2/token", "method": "POST",
            "body": /*@missing*/ { "grant_type": "authorization_code", "code": "{{temp.code}}" },
            "response": { "data": { "accessToken": "{{body.access_token}}", "refreshToken": "{{body.refresh_token}}", "expires": "{{addMinutes(now, body.expires_in)}}" }, "expires": "{{addMinutes(now, body.refresh_expires_in)}}" } }`,
        }),
      },
      {
        name: 'token sends a hard-coded callback, authorize the one Make gives',
        bundle: providerOAuthApp({
          authorize: `{ "url": "https://crm.example.com/oauth/authorize", "qs": { "client_id": "{{common.clientId}}", "redirect_uri": "{{oauth.redirectUri}}" }, "response": { "temp": { "code": "{{query.code}}" } } }`,
          token: `{ "url": "https://crm.example.com/oauth/token", "method": "POST", "body": { "grant_type": "authorization_code", "code": "{{temp.code}}", "redirect_uri": /*@differs*/ "https://www.make.com/oauth/cb/crm" }, "response": { "data": { "accessToken": "{{body.access_token}}" } } }`,
        }),
      },
    ],
  },
});
