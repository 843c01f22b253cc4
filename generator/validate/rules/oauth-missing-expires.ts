import { isObject } from '../../model/index.ts';
import { defineRule } from '../types.ts';
import { academyConnection, academySections, bundle, oauthApp, providerOAuthApp } from './case-kit.ts';
import { oauthConnections } from './oauth-util.ts';

export const oauthMissingExpires = defineRule({
  id: 'oauth/missing-expires',
  description: 'The token response sets no connection `expires`, so Make never asks the user to reauthorize.',
  defaultSeverity: 'warning',
  explains: ['expiry', 'section-missing'],
  docs: '`token.response.expires` (and `refresh.response.expires`) tell Make when the whole connection — in practice the refresh token — expires; Make then asks the user to reauthorize instead of failing runs. Without it an expired refresh token shows up only as failing scenarios. The App Academy API gives `refresh_expires_in` (minutes).',
  messages: {
    noExpires:
      'token.response sets no "expires"; set it from the refresh-token lifetime, e.g. "{{addMinutes(now, body.refresh_expires_in)}}".',
  },
  check(ctx) {
    for (const { facts, sections } of oauthConnections(ctx)) {
      const token = sections.get('token');
      if (!token) continue;
      const resp = token.value.response;
      if (isObject(resp) && resp.expires !== undefined) continue;
      ctx.report({
        messageId: 'noExpires',
        code: token.code,
        pointer: isObject(resp) ? `${token.pointer}/response` : token.pointer,
        component: facts.component,
      });
    }
  },
  cases: {
    valid: [{ name: 'expires set', bundle: bundle({ connections: { academy: academyConnection() } }) }],
    invalid: [
      {
        name: 'no expires',
        bundle: bundle({
          connections: {
            academy: academyConnection(
              academySections({
                token: `{ "url": "https://app-academy.make.com/api/v2/token", "method": "POST",
                  "body": { "grant_type": "authorization_code", "code": "{{temp.code}}", "redirect_uri": "{{oauth.redirectUri}}" },
                  "response": /*@noExpires*/ { "data": { "accessToken": "{{body.access_token}}", "refreshToken": "{{body.refresh_token}}", "expires": "{{addMinutes(now, body.expires_in)}}" } },
                  "log": { "sanitize": ["request.body.code", "response.body.access_token", "response.body.refresh_token"] } }`,
              }),
            ),
          },
        }),
      },
      {
        name: 'token response without any response block',
        bundle: oauthApp({
          token: `/*@noExpires*/{ "url": "https://app-academy.make.com/api/v2/token", "method": "POST", "body": { "grant_type": "authorization_code", "code": "{{temp.code}}", "redirect_uri": "{{oauth.redirectUri}}" } }`,
        }),
      },
      {
        name: 'another provider that stores only the access token',
        bundle: providerOAuthApp({
          authorize: `{ "url": "https://crm.example.com/oauth/authorize", "qs": { "client_id": "{{common.clientId}}", "redirect_uri": "{{oauth.redirectUri}}" }, "response": { "temp": { "code": "{{query.code}}" } } }`,
          token: `{ "url": "https://crm.example.com/oauth/token", "method": "POST", "body": { "grant_type": "authorization_code", "code": "{{temp.code}}" }, "response": /*@noExpires*/ { "data": { "accessToken": "{{body.access_token}}" } } }`,
        }),
      },
    ],
  },
});
