import type { Rule } from '../types.ts';
import { academyConnection, academySections, bundle } from './case-kit.ts';
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
      ],
    },
  };
}
