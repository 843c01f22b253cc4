import { defineRule } from '../types.ts';
import { academyConnection, academySections, bundle } from './case-kit.ts';
import { oauthConnections } from './oauth-util.ts';

export const scopeAuthorizeScopeMissing = defineRule({
  id: 'scope/authorize-scope-missing',
  description:
    "The scope every authorization must include (per the API profile) is not in the connection's default scope.",
  defaultSeverity: 'error',
  explains: ['scope', 'section-missing'],
  docs: "Some APIs refuse an authorization that lacks a base scope: the App Academy API v2 requires `connect` and answers `invalid_scope` otherwise. Make sends the default scope plus the modules' scopes as `oauth.scope`, so the base scope belongs in the connection's default scope.",
  messages: {
    missing:
      'The {api} API requires the "{scope}" scope on every authorization; add it to the connection\'s default scope.',
  },
  check(ctx) {
    const need = ctx.profile.requiredAuthorizeScope;
    if (!need) return;
    for (const { facts } of oauthConnections(ctx)) {
      const def = facts.component.codes.defaultScope;
      const list = Array.isArray(def?.value) ? (def.value as unknown[]) : undefined;
      if (list?.includes(need)) continue;
      const code = def ?? facts.component.codes.communication;
      if (!code) continue;
      ctx.report({
        messageId: 'missing',
        data: { api: ctx.profile.name, scope: need },
        code,
        pointer: '',
        component: facts.component,
      });
    }
  },
  cases: {
    valid: [
      { name: 'connect in default scope', bundle: bundle({ connections: { academy: academyConnection() } }) },
    ],
    invalid: [
      {
        name: 'default scope without connect',
        bundle: bundle({
          connections: {
            academy: academyConnection().replace(
              '"defaultScope": ["connect"]',
              '"defaultScope": /*@missing*/ ["read"]',
            ),
          },
        }),
      },
      {
        name: 'empty default scope',
        bundle: bundle({
          connections: {
            academy: academyConnection().replace(
              '"defaultScope": ["connect"]',
              '"defaultScope": /*@missing*/ []',
            ),
          },
        }),
      },
      {
        name: 'no default scope at all (reported on the communication)',
        bundle: bundle({
          connections: {
            academy: academyConnection(`/*@missing*/${academySections()}`).replace(
              ',\n          "defaultScope": ["connect"]',
              '',
            ),
          },
        }),
      },
    ],
  },
});
