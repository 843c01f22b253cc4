import { defineRule } from '../types.ts';
import { academyConnection, academySections, bundle, oauthApp } from './case-kit.ts';
import { oauthConnections, refreshTokenKey, responseData } from './oauth-util.ts';

export const oauthRefreshTokenNotStored = defineRule({
  id: 'oauth/refresh-token-not-stored',
  description: 'The `refresh` response does not store the new refresh token.',
  defaultSeverity: 'error',
  explains: ['refresh', 'reference', 'request-field', 'section-missing'],
  docs: 'APIs that rotate refresh tokens (the App Academy API does) invalidate the old one when they answer a refresh. If `refresh.response.data` does not store the new refresh token under the same key `token` used, the next refresh sends a dead token and the user must reconnect.',
  messages: {
    notStored:
      'refresh does not store the new refresh token in response.data.{key}; with rotating refresh tokens the next refresh fails.',
  },
  check(ctx) {
    for (const { facts, sections } of oauthConnections(ctx)) {
      const token = sections.get('token');
      const refresh = sections.get('refresh');
      if (!token || !refresh) continue;
      const key = refreshTokenKey(ctx, token);
      if (!key) continue;
      const rData = responseData(refresh);
      if (rData && key in rData) continue;
      const resp = refresh.value.response;
      ctx.report({
        messageId: 'notStored',
        data: { key },
        code: refresh.code,
        pointer: rData
          ? `${refresh.pointer}/response/data`
          : resp !== undefined
            ? `${refresh.pointer}/response`
            : refresh.pointer,
        component: facts.component,
      });
    }
  },
  cases: {
    valid: [
      {
        name: 'refresh stores refreshToken',
        bundle: bundle({ connections: { academy: academyConnection() } }),
      },
    ],
    invalid: [
      {
        name: 'refresh stores only the access token',
        bundle: bundle({
          connections: {
            academy: academyConnection(
              academySections({
                refresh: `{ "condition": "{{data.expires < addMinutes(now, 5)}}", "url": "https://app-academy.make.com/api/v2/refresh", "method": "POST",
                  "body": { "grant_type": "refresh_token", "refresh_token": "{{data.refreshToken}}" },
                  "response": { "data": /*@notStored*/ { "accessToken": "{{body.access_token}}", "expires": "{{addMinutes(now, body.expires_in)}}" } },
                  "log": { "sanitize": ["request.body.refresh_token", "response.body.access_token"] } }`,
              }),
            ),
          },
        }),
      },
      {
        name: 'refresh response with no data at all',
        bundle: oauthApp({
          refresh: `/*@notStored*/{ "condition": "{{data.expires < addMinutes(now, 5)}}", "url": "https://app-academy.make.com/api/v2/refresh", "method": "POST", "body": { "grant_type": "refresh_token", "refresh_token": "{{data.refreshToken}}" } }`,
        }),
      },
      {
        name: 'refresh stores the new token under a different key',
        bundle: oauthApp({
          refresh: `{ "condition": "{{data.expires < addMinutes(now, 5)}}", "url": "https://app-academy.make.com/api/v2/refresh", "method": "POST",
            "body": { "grant_type": "refresh_token", "refresh_token": "{{data.refreshToken}}" },
            "response": { "data": /*@notStored*/ { "accessToken": "{{body.access_token}}", "newRefreshToken": "{{body.refresh_token}}" } } }`,
        }),
      },
    ],
  },
});
