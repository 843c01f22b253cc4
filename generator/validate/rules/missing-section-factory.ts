import type { Rule } from '../types.ts';
import { academyConnection, academySections, bundle, providerOAuthApp } from './case-kit.ts';
import { oauthConnections } from './oauth-util.ts';

/** Builds the "OAuth2 connection lacks section X" rule. */
export function missingSection(
  section: 'info' | 'invalidate',
  why: string,
  docs: string,
): Rule<'missingSection'> {
  return {
    id: `oauth/missing-${section}`,
    description: `OAuth2 connection without an \`${section}\` section.`,
    defaultSeverity: 'warning',
    explains: ['section-missing'],
    docs,
    messages: { missingSection: `The OAuth2 connection has no ${section} section: ${why}` },
    check(ctx) {
      for (const { facts, sections } of oauthConnections(ctx)) {
        if (sections.has(section) || !sections.has('token')) continue;
        const code = facts.component.codes.communication;
        if (!code) continue;
        ctx.report({
          messageId: 'missingSection',
          code,
          pointer: '',
          component: facts.component,
        });
      }
    },
    cases: {
      valid: [{ name: 'all sections', bundle: bundle({ connections: { academy: academyConnection() } }) }],
      invalid: [
        {
          name: `no ${section}`,
          bundle: bundle({
            connections: {
              academy: academyConnection(`/*@missingSection*/${academySections({ [section]: null })}`),
            },
          }),
        },
        {
          name: `no ${section} in a connection that only authorizes and exchanges the code`,
          bundle: bundle({
            connections: {
              academy: academyConnection(
                `/*@missingSection*/${academySections({ info: null, refresh: null, invalidate: null })}`,
              ),
            },
          }),
        },
        {
          name: `no ${section} for another provider`,
          bundle: providerOAuthApp({
            authorize: `{ "url": "https://crm.example.com/oauth/authorize", "response": { "temp": { "code": "{{query.code}}" } } }`,
            token: `{ "url": "https://crm.example.com/oauth/token", "method": "POST", "body": { "grant_type": "authorization_code", "code": "{{temp.code}}" }, "response": { "data": { "accessToken": "{{body.access_token}}" } } }`,
          }).replace('"communication": {', '"communication": /*@missingSection*/ {'),
        },
      ],
    },
  };
}
