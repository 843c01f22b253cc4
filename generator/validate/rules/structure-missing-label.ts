import { defineRule } from '../types.ts';
import { academyConnection, bundle, module } from './case-kit.ts';
import { declaredAt } from './util.ts';

export const structureMissingLabel = defineRule({
  id: 'structure/missing-label',
  description: 'A module, RPC, connection or webhook without a label.',
  defaultSeverity: 'warning',
  explains: ['section-missing'],
  docs: "Labels are what users see in the scenario editor and the connection dialog; Make's review requires one on every component (short, 1–3 words, no trailing punctuation). Without it the editor falls back to the internal id.",
  messages: {
    noLabel: '{component} has no label; add a short label users will see.',
  },
  check(ctx) {
    for (const f of ctx.analysis.components) {
      if (f.component.kind === 'function' || f.component.kind === 'rpc') continue;
      if (typeof f.component.label === 'string' && f.component.label.trim() !== '') continue;
      if (f.component.metadataOutside) continue; // set in Make's UI; the layout has no place for it
      ctx.report({
        messageId: 'noLabel',
        data: { component: f.id },
        location: declaredAt(f.component),
        component: f.component,
      });
    }
  },
  cases: {
    valid: [
      {
        name: 'labelled',
        bundle: bundle({
          connections: { academy: academyConnection() },
          modules: { getMovie: module('action', `"communication": { "url": "/about" }, "scope": ["read"]`) },
        }),
      },
    ],
    invalid: [
      {
        name: 'module without label',
        bundle: bundle({
          connections: { academy: academyConnection() },
          modules: {
            '/*@noLabel*/getMovie': `{ "description": "Returns a movie.", "moduleType": "action", "connection": "academy", "codes": { "communication": { "url": "/about" } } }`,
          },
        }),
      },
      {
        name: 'connection with an empty label',
        bundle: bundle({
          connections: {
            '/*@noLabel*/apikey': `{ "label": "", "connectionType": "basic", "codes": { "params": [{ "name": "apiKey", "type": "password", "label": "API key" }] } }`,
          },
        }),
      },
      {
        name: 'webhook without label',
        bundle: bundle({
          webhooks: {
            '/*@noLabel*/events': `{ "webhookType": "web", "codes": { "communication": { "output": "{{body}}" } } }`,
          },
        }),
      },
    ],
  },
});
