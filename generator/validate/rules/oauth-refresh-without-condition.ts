import { defineRule } from '../types.ts';
import { academyConnection, academySections, bundle, oauthApp } from './case-kit.ts';
import { oauthConnections } from './oauth-util.ts';

export const oauthRefreshWithoutCondition = defineRule({
  id: 'oauth/refresh-without-condition',
  description: 'A `refresh` section without a `condition`, so it runs every time the connection is used.',
  defaultSeverity: 'warning',
  explains: ['refresh', 'section-missing'],
  docs: 'Make evaluates `refresh.condition` whenever the connection is validated before a module runs; without one (or with `true`) every run refreshes the token, rotating refresh tokens needlessly and hitting token-endpoint rate limits. Guard it with the stored expiry, e.g. `{{data.expires < addMinutes(now, 5)}}`.',
  messages: {
    noCondition:
      'refresh has no condition and runs on every use; add "condition": "{{data.expires < addMinutes(now, 5)}}".',
  },
  check(ctx) {
    for (const { facts, sections } of oauthConnections(ctx)) {
      const r = sections.get('refresh');
      if (!r) continue;
      const cond = r.value.condition;
      if (cond !== undefined && cond !== true && cond !== 'true' && cond !== '{{true}}') continue;
      ctx.report({
        messageId: 'noCondition',
        code: r.code,
        pointer: cond === undefined ? r.pointer : `${r.pointer}/condition`,
        key: cond === undefined,
        component: facts.component,
      });
    }
  },
  cases: {
    valid: [{ name: 'guarded by expiry', bundle: bundle({ connections: { academy: academyConnection() } }) }],
    invalid: [
      {
        name: 'no condition',
        bundle: bundle({
          connections: {
            academy: academyConnection(
              academySections({ refresh: null }).replace(
                /\n {6}\}$/,
                `,
        /*@noCondition*/"refresh": { "url": "https://app-academy.make.com/api/v2/refresh", "method": "POST", "body": { "grant_type": "refresh_token", "refresh_token": "{{data.refreshToken}}" },
          "response": { "data": { "accessToken": "{{body.access_token}}", "refreshToken": "{{body.refresh_token}}", "expires": "{{addMinutes(now, body.expires_in)}}" } },
          "log": { "sanitize": ["request.body.refresh_token", "response.body.access_token", "response.body.refresh_token"] } }
      }`,
              ),
            ),
          },
        }),
      },
      {
        name: 'condition that is always true',
        bundle: oauthApp({
          refresh: `{ "condition": /*@noCondition*/ true, "url": "https://app-academy.make.com/api/v2/refresh", "method": "POST", "body": { "grant_type": "refresh_token", "refresh_token": "{{data.refreshToken}}" },
            "response": { "data": { "accessToken": "{{body.access_token}}", "refreshToken": "{{body.refresh_token}}" } } }`,
        }),
      },
      {
        name: 'condition written as the IML constant true',
        bundle: oauthApp({
          refresh: `{ "condition": /*@noCondition*/ "{{true}}", "url": "https://app-academy.make.com/api/v2/refresh", "method": "POST", "body": { "grant_type": "refresh_token", "refresh_token": "{{data.refreshToken}}" },
            "response": { "data": { "accessToken": "{{body.access_token}}", "refreshToken": "{{body.refresh_token}}" } } }`,
        }),
      },
    ],
  },
});
