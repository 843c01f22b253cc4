import { defineRule } from '../types.ts';
import { bundle } from './case-kit.ts';
import { ofKind } from './util.ts';

const SECRETISH = /(pass(word|wd)?|secret|api[-_]?key|apikey|token|private[-_]?key)$/i;
/** What users read: "Password", "API Key", "Client secret", "Access token" in a label or help. */
const SECRETISH_TEXT = /\b(pass(word|wd)|secret|api[ -_]?key|access[ -_]?token|private[ -_]?key)\b/i;

function soundsSecret(p: { name?: string; value: Record<string, unknown> }): boolean {
  if (p.name && SECRETISH.test(p.name)) return true;
  return [p.value.label, p.value.help].some((t) => typeof t === 'string' && SECRETISH_TEXT.test(t));
}

export const securitySecretParameterNotPassword = defineRule({
  id: 'security/secret-parameter-not-password',
  description: 'A connection parameter that holds a secret is not of type `password`.',
  defaultSeverity: 'warning',
  explains: ['parameter', 'sanitize', 'request-field'],
  docs: "Connection parameters of type `password` are masked in the connection dialog and in logs. An API key or client secret typed as `text` is shown in clear to anyone looking over the user's shoulder or at the scenario's connection settings.",
  messages: {
    notPassword: 'Connection parameter "{name}" holds a secret; make it "type": "password".',
  },
  check(ctx) {
    for (const f of ofKind(ctx, 'connection'))
      for (const p of f.parameters.all) {
        if (
          !p.topLevel ||
          !p.name ||
          !soundsSecret(p) ||
          p.type === 'password' ||
          p.type === 'hidden' ||
          p.type === 'cert' ||
          p.type === 'pkey' ||
          p.type === 'select' ||
          p.type === 'boolean'
        )
          continue;
        ctx.report({
          messageId: 'notPassword',
          data: { name: p.name },
          code: p.code,
          pointer: `${p.pointer}/type`,
          component: f.component,
        });
      }
  },
  cases: {
    valid: [
      {
        name: 'password type',
        bundle: bundle({
          connections: {
            key: `{ "label": "Key", "connectionType": "basic", "codes": { "params": [{ "name": "apiKey", "type": "password", "label": "API key" }] } }`,
          },
        }),
      },
    ],
    invalid: [
      {
        name: 'label says "Password" under a neutral name',
        bundle: bundle({
          connections: {
            key: `{ "label": "Key", "connectionType": "basic", "codes": { "params": [{ "name": "pw", "type": /*@notPassword*/ "text", "label": "Password" }] } }`,
          },
        }),
      },
      {
        name: 'help says "API Key" under a neutral name',
        bundle: bundle({
          connections: {
            key: `{ "label": "Key", "connectionType": "basic", "codes": { "params": [{ "name": "credential", "type": /*@notPassword*/ "text", "label": "Credential", "help": "Your API Key from the settings page." }] } }`,
          },
        }),
      },
      {
        name: 'text type',
        bundle: bundle({
          connections: {
            key: `{ "label": "Key", "connectionType": "basic", "codes": { "params": [{ "name": "apiKey", "type": /*@notPassword*/ "text", "label": "API key" }] } }`,
          },
        }),
      },
      {
        name: 'a client secret kept as text in a key connection',
        bundle: bundle({
          connections: {
            key: `{ "label": "Key", "connectionType": "basic", "codes": { "params": [{ "name": "clientId", "type": "text", "label": "Client ID" }, { "name": "clientSecret", "type": /*@notPassword*/ "text", "label": "Client secret" }] } }`,
          },
        }),
      },
    ],
  },
});
