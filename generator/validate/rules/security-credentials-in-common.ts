import type { CodeFile } from '../../model/index.ts';
import { isObject, toPointer } from '../../model/index.ts';
import { defineRule, type RuleContext } from '../types.ts';
import { bundle } from './case-kit.ts';
import { SECRET_NAME_ANYWHERE } from './util.ts';

const PLACEHOLDER =
  /^(|x+|\*+|<[^>]*>|\$\{[^}]*\}|your[-_ ].*|changeme|todo|tbd|placeholder|secret|password|null)$/i;

function walk(
  ctx: RuleContext,
  code: CodeFile,
  value: unknown,
  segs: (string | number)[],
  component: string,
): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) walk(ctx, code, value[i], [...segs, i], component);
  } else if (isObject(value))
    for (const [k, v] of Object.entries(value)) {
      if (
        typeof v === 'string' &&
        SECRET_NAME_ANYWHERE.test(k) &&
        !v.includes('{{') &&
        !PLACEHOLDER.test(v.trim())
      )
        ctx.report({
          messageId: 'literalCredential',
          data: { key: k },
          code,
          pointer: toPointer([...segs, k]),
          component,
        });
      else walk(ctx, code, v, [...segs, k], component);
    }
}

export const securityCredentialsInCommon = defineRule({
  id: 'security/credentials-in-common',
  description:
    'A literal credential (client secret, API key, password, token) written into common data or a parameter default.',
  defaultSeverity: 'error',
  docs: "App and connection common data are committed with the app's source; a real client secret or API key there leaks to everyone who can read the repository (one app of the shared corpus had to be trimmed for this reason). Likewise a `default` on a password or secret parameter pre-fills a credential for every user. Keep placeholders in the files and set the real values in Make.",
  messages: {
    literalCredential:
      '"{key}" holds a literal credential in committed common data; keep real secrets out of the repository (fill them in Make, or inject them at deploy time).',
    defaultCredential: 'Parameter "{name}" has a default credential; remove the default.',
  },
  check(ctx) {
    const common = ctx.app.general.common;
    if (common?.value !== undefined) walk(ctx, common, common.value, [], 'common');
    for (const f of ctx.analysis.components) {
      const c = f.component.codes.common;
      if (c?.value !== undefined) walk(ctx, c, c.value, [], f.id);
      for (const p of f.parameters.all) {
        const d = p.value.default;
        if (typeof d !== 'string' || d === '' || d.includes('{{')) continue;
        if (p.type === 'password' || SECRET_NAME_ANYWHERE.test(p.name ?? ''))
          ctx.report({
            messageId: 'defaultCredential',
            data: { name: String(p.name) },
            code: p.code,
            pointer: `${p.pointer}/default`,
            component: f.component,
          });
      }
    }
  },
  cases: {
    valid: [
      { name: 'placeholders only', bundle: bundle({ common: `{ "clientId": "abc", "clientSecret": "" }` }) },
    ],
    invalid: [
      {
        name: 'real-looking secret',
        bundle: bundle({
          common: `{ "clientId": "abc", "clientSecret": /*@literalCredential*/ "s3cr3t-9f8e7d6c5b4a" }`,
        }),
      },
      {
        name: 'password default',
        bundle: bundle({
          connections: {
            key: `{ "label": "Key", "connectionType": "basic", "codes": { "params": [{ "name": "apiKey", "type": "password", "label": "API key", "default": /*@defaultCredential*/ "sk_live_123456" }] } }`,
          },
        }),
      },
      {
        name: 'an API key in a connection common block',
        bundle: bundle({
          connections: {
            key: `{ "label": "Key", "connectionType": "basic", "codes": { "common": { "apiKey": /*@literalCredential*/ "live_51HxYzAbCdEf" }, "params": [{ "name": "region", "type": "text", "label": "Region" }] } }`,
          },
        }),
      },
      {
        name: 'a nested client secret, and a token default on a text field',
        bundle: bundle({
          common: `{ "oauth": { "clientId": "make-app", "client_secret": /*@literalCredential*/ "Zq9-7fK2-LmP0" } }`,
          connections: {
            key: `{ "label": "Key", "connectionType": "basic", "codes": { "params": [{ "name": "accessToken", "type": "text", "label": "Access token", "default": /*@defaultCredential*/ "eyJhbGciOiJIUzI1NiJ9" }] } }`,
          },
        }),
      },
    ],
  },
});
