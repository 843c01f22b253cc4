import { defineRule } from '../types.ts';
import { academyConnection, academySections, bundle, oauthApp, providerOAuthApp } from './case-kit.ts';
import { oauthConnections, refreshTokenKey } from './oauth-util.ts';

export const oauthRefreshMissing = defineRule({
  id: 'oauth/refresh-missing',
  description: 'The token response stores a refresh token but the connection has no `refresh` section.',
  defaultSeverity: 'warning',
  explains: ['refresh', 'section-missing'],
  docs: 'Storing a refresh token only helps if a `refresh` section uses it. Without one, the access token expires (after 60 minutes on the App Academy API) and every run fails until the user reconnects.',
  messages: {
    noRefresh:
      'token stores a refresh token (response.data.{key}) but there is no refresh section to use it; add one.',
  },
  check(ctx) {
    for (const { facts, sections } of oauthConnections(ctx)) {
      const token = sections.get('token');
      if (!token || sections.has('refresh')) continue;
      const key = refreshTokenKey(ctx, token);
      if (!key) continue;
      ctx.report({
        messageId: 'noRefresh',
        data: { key },
        code: token.code,
        pointer: `${token.pointer}/response/data/${key}`,
        key: true,
        component: facts.component,
      });
    }
  },
  cases: {
    valid: [{ name: 'refresh present', bundle: bundle({ connections: { academy: academyConnection() } }) }],
    invalid: [
      {
        name: 'no refresh section',
        bundle: bundle({
          connections: {
            academy: academyConnection(
              academySections({
                refresh: null,
                token: `{ "url": "https://app-academy.make.com/api/v2/token", "method": "POST",
                  "body": { "grant_type": "authorization_code", "code": "{{temp.code}}", "redirect_uri": "{{oauth.redirectUri}}" },
                  "response": { "data": { "accessToken": "{{body.access_token}}", /*@noRefresh*/"refreshToken": "{{body.refresh_token}}" }, "expires": "{{addMinutes(now, body.refresh_expires_in)}}" },
                  "log": { "sanitize": ["request.body.code", "response.body.access_token", "response.body.refresh_token"] } }`,
              }),
            ),
          },
        }),
      },
      {
        name: 'refresh token kept under a snake_case key',
        bundle: oauthApp({
          refresh: null,
          token: `{ "url": "https://app-academy.make.com/api/v2/token", "method": "POST", "body": { "grant_type": "authorization_code", "code": "{{temp.code}}" },
            "response": { "data": { "access_token": "{{body.access_token}}", /*@noRefresh*/"refresh_token": "{{body.refresh_token}}" } } }`,
        }),
      },
      {
        name: 'another provider with authorize and token only',
        bundle: providerOAuthApp({
          authorize: `{ "url": "https://crm.example.com/oauth/authorize", "response": { "temp": { "code": "{{query.code}}" } } }`,
          token: `{ "url": "https://crm.example.com/oauth/token", "method": "POST", "body": { "grant_type": "authorization_code", "code": "{{temp.code}}" }, "response": { "data": { "accessToken": "{{body.access_token}}", /*@noRefresh*/"refreshToken": "{{body.refresh_token}}" } } }`,
        }),
      },
    ],
  },
});
