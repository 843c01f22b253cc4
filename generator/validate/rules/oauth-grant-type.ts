import { defineRule } from '../types.ts';
import { academyConnection, academySections, bundle, oauthApp, providerOAuthApp } from './case-kit.ts';
import { oauthConnections, requestParam } from './oauth-util.ts';

export const oauthGrantType = defineRule({
  id: 'oauth/grant-type',
  description: 'Token or refresh request without the right `grant_type`.',
  defaultSeverity: 'error',
  explains: ['request-field'],
  docs: 'After an `authorize` step the token request must send `grant_type=authorization_code`; a refresh request must send `grant_type=refresh_token` (RFC 6749 §4.1.3, §6). Servers answer `unsupported_grant_type` or `invalid_request` otherwise.',
  messages: {
    missingExpected: 'The {section} request sends no grant_type; send "grant_type": "{expected}".',
    missing: 'The {section} request sends no grant_type.',
    wrong: 'The {section} request sends grant_type "{actual}"; it must be "{expected}".',
  },
  check(ctx) {
    for (const { facts, sections } of oauthConnections(ctx)) {
      const checks: [string, string | undefined][] = [
        ['token', sections.has('authorize') ? 'authorization_code' : undefined],
        ['refresh', 'refresh_token'],
      ];
      for (const [name, expected] of checks) {
        const r = sections.get(name);
        if (!r || r.url === undefined) continue;
        const g = requestParam(r, 'grant_type');
        if (!g) {
          ctx.report({
            messageId: expected ? 'missingExpected' : 'missing',
            data: { section: name, expected: expected ?? '' },
            code: r.code,
            pointer: r.value.body !== undefined ? `${r.pointer}/body` : r.pointer,
            component: facts.component,
          });
        } else if (
          expected &&
          typeof g.value === 'string' &&
          !g.value.includes('{{') &&
          g.value !== expected
        ) {
          ctx.report({
            messageId: 'wrong',
            data: { section: name, actual: String(g.value), expected },
            code: r.code,
            pointer: g.pointer,
            component: facts.component,
          });
        }
      }
    }
  },
  cases: {
    valid: [
      {
        name: 'authorization_code and refresh_token',
        bundle: bundle({ connections: { academy: academyConnection() } }),
      },
    ],
    invalid: [
      {
        name: 'refresh sends authorization_code',
        bundle: bundle({
          connections: {
            academy: academyConnection(
              academySections({
                refresh: `{ "condition": "{{data.expires < addMinutes(now, 5)}}", "url": "https://app-academy.make.com/api/v2/refresh", "method": "POST",
                  "body": { "grant_type": /*@wrong*/ "authorization_code", "refresh_token": "{{data.refreshToken}}" },
                  "response": { "data": { "accessToken": "{{body.access_token}}", "refreshToken": "{{body.refresh_token}}", "expires": "{{addMinutes(now, body.expires_in)}}" } },
                  "log": { "sanitize": ["request.body.refresh_token", "response.body.access_token", "response.body.refresh_token"] } }`,
              }),
            ),
          },
        }),
      },
      {
        name: 'token exchange without grant_type',
        bundle: oauthApp({
          token: `{ "url": "https://app-academy.make.com/api/v2/token", "method": "POST", "type": "urlencoded",
            "body": /*@missingExpected*/ { "code": "{{temp.code}}", "redirect_uri": "{{oauth.redirectUri}}" },
            "response": { "data": { "accessToken": "{{body.access_token}}", "refreshToken": "{{body.refresh_token}}", "expires": "{{addMinutes(now, body.expires_in)}}" }, "expires": "{{addMinutes(now, body.refresh_expires_in)}}" },
            "log": { "sanitize": ["request.body.code", "response.body.access_token", "response.body.refresh_token"] } }`,
        }),
      },
      {
        name: 'client-credentials connection whose token request names no grant',
        bundle: providerOAuthApp({
          token: `/*@missing*/{ "url": "https://crm.example.com/oauth/token", "method": "POST", "qs": { "client_id": "{{parameters.clientId}}" }, "response": { "data": { "accessToken": "{{body.access_token}}" } } }`,
        }),
      },
    ],
  },
});
