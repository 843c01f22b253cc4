import type { Rule } from '../types.ts';
import { bundle } from './case-kit.ts';
import { ofKind } from './util.ts';

const SECRETISH = /(pass(word|wd)?|secret|api[-_]?key|apikey|token|private[-_]?key)$/i;

export const securitySecretParameterNotPassword: Rule = {
  id: 'security/secret-parameter-not-password',
  description: 'A connection parameter that holds a secret is not of type `password`.',
  defaultSeverity: 'warning',
  docs: "Connection parameters of type `password` are masked in the connection dialog and in logs. An API key or client secret typed as `text` is shown in clear to anyone looking over the user's shoulder or at the scenario's connection settings.",
  check(ctx) {
    for (const f of ofKind(ctx, 'connection'))
      for (const p of f.parameters.all) {
        if (
          !p.topLevel ||
          !p.name ||
          !SECRETISH.test(p.name) ||
          p.type === 'password' ||
          p.type === 'hidden' ||
          p.type === 'cert' ||
          p.type === 'pkey' ||
          p.type === 'select' ||
          p.type === 'boolean'
        )
          continue;
        ctx.report({
          message: `Connection parameter "${p.name}" holds a secret; make it "type": "password".`,
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
        name: 'text type',
        bundle: bundle({
          connections: {
            key: `{ "label": "Key", "connectionType": "basic", "codes": { "params": [{ "name": "apiKey", "type": /*@*/ "text", "label": "API key" }] } }`,
          },
        }),
      },
    ],
  },
};
