import { defineRule } from '../types.ts';
import { academyConnection, academySections, bundle, oauthApp } from './case-kit.ts';
import { oauthConnections } from './oauth-util.ts';
import { stringsAt } from './util.ts';

const FOR_UNIT = { seconds: 'addSeconds', minutes: 'addMinutes', hours: 'addHours' } as const;
const ADDERS = new Set(['addSeconds', 'addMinutes', 'addHours', 'addDays']);

export const oauthExpiryUnit = defineRule({
  id: 'oauth/expiry-unit',
  description:
    'Token expiry computed with the wrong time unit for the API profile (e.g. addSeconds for lifetimes in minutes).',
  defaultSeverity: 'error',
  explains: ['expiry'],
  docs: 'The token response gives lifetimes as numbers (`expires_in`, `refresh_expires_in`); their unit depends on the API. RFC 6749 says seconds, but the App Academy API gives MINUTES, so `addSeconds(now, body.expires_in)` makes the token look expired 60× too early (or late, the other way round) and refresh runs at the wrong time. The API profile says which unit applies.',
  messages: {
    wrongUnit:
      '{path} is in {unit} for the {api} API, but {function}() treats it as {assumed}; use {suggested}().',
  },
  check(ctx) {
    const unit = ctx.profile.lifetimeUnit;
    if (!unit) return;
    const want = FOR_UNIT[unit];
    for (const { facts, sections } of oauthConnections(ctx))
      for (const name of ['token', 'refresh']) {
        const r = sections.get(name);
        if (!r) continue;
        for (const s of stringsAt(facts.strings, r, 'response'))
          for (const v of s.analysis.variables) {
            if (v.path[0] !== 'body' || !v.path.some((p) => /expires?_?in$/i.test(p))) continue;
            const fn = s.analysis.functions
              .filter((f) => ADDERS.has(f.name) && f.offset <= v.offset && v.offset < f.offset + f.length)
              .sort((a, b) => b.offset - a.offset)[0];
            if (!fn || fn.name === want) continue;
            if (/[*/]/.test(s.source.slice(fn.offset, fn.offset + fn.length))) continue; // converted explicitly
            ctx.report({
              messageId: 'wrongUnit',
              data: {
                path: v.path.join('.'),
                unit,
                api: ctx.profile.name,
                function: fn.name,
                assumed: fn.name.slice(3).toLowerCase(),
                suggested: want,
              },
              code: s.code,
              pointer: s.pointer,
              offsetInString: fn.offset,
              length: fn.name.length,
              component: facts.component,
            });
          }
      }
  },
  cases: {
    valid: [
      {
        name: 'addMinutes for the Academy API',
        bundle: bundle({ connections: { academy: academyConnection() } }),
      },
    ],
    invalid: [
      {
        name: 'addSeconds for the Academy API',
        bundle: bundle({
          connections: {
            academy: academyConnection(
              academySections({
                token: `{ "url": "https://app-academy.make.com/api/v2/token", "method": "POST",
                  "body": { "grant_type": "authorization_code", "code": "{{temp.code}}", "redirect_uri": "{{oauth.redirectUri}}" },
                  "response": { "data": { "accessToken": "{{body.access_token}}", "refreshToken": "{{body.refresh_token}}", "expires": /*@wrongUnit"addSeconds"*/ "{{addSeconds(now, body.expires_in)}}" }, "expires": "{{addMinutes(now, body.refresh_expires_in)}}" },
                  "log": { "sanitize": ["request.body.code", "response.body.access_token", "response.body.refresh_token"] } }`,
              }),
            ),
          },
        }),
      },
      {
        name: 'addHours on the refresh response',
        bundle: oauthApp({
          refresh: `{ "condition": "{{data.expires < addMinutes(now, 5)}}", "url": "https://app-academy.make.com/api/v2/refresh", "method": "POST",
            "body": { "grant_type": "refresh_token", "refresh_token": "{{data.refreshToken}}" },
            "response": { "data": { "accessToken": "{{body.access_token}}", "refreshToken": "{{body.refresh_token}}", "expires": /*@wrongUnit"addHours"*/ "{{addHours(now, body.expires_in)}}" } },
            "log": { "sanitize": ["request.body.refresh_token", "response.body.access_token", "response.body.refresh_token"] } }`,
        }),
      },
      {
        name: 'seconds for the connection expiry as well as the token',
        bundle: oauthApp({
          token: `{ "url": "https://app-academy.make.com/api/v2/token", "method": "POST",
            "body": { "grant_type": "authorization_code", "code": "{{temp.code}}", "redirect_uri": "{{oauth.redirectUri}}" },
            "response": { "data": { "accessToken": "{{body.access_token}}", "refreshToken": "{{body.refresh_token}}", "expires": /*@wrongUnit"addSeconds"*/ "{{addSeconds(now, body.expires_in)}}" }, "expires": /*@wrongUnit"addSeconds"*/ "{{addSeconds(now, body.refresh_expires_in)}}" },
            "log": { "sanitize": ["request.body.code", "response.body.access_token", "response.body.refresh_token"] } }`,
        }),
      },
    ],
  },
});
