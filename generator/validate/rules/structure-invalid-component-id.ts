import { defineRule } from '../types.ts';
import { academyConnection, bundle, module } from './case-kit.ts';
import { declaredAt } from './util.ts';

/** Make's id rules (make-iml.md §1.1); modules and RPCs use the current 48-character creation limit loosely (64). */
const ID_RULES: Record<string, { re: RegExp; words: string }> = {
  module: { re: /^[a-zA-Z][0-9a-zA-Z]{2,63}$/, words: 'a letter, then 2–63 letters or digits (no dashes)' },
  rpc: { re: /^[a-zA-Z][0-9a-zA-Z]{2,63}$/, words: 'a letter, then 2–63 letters or digits (no dashes)' },
  function: { re: /^[a-zA-Z][0-9a-zA-Z]{1,94}[0-9a-zA-Z]$/, words: 'a letter, then 2–95 letters or digits' },
  connection: {
    re: /^[a-zA-Z][0-9a-zA-Z-]{1,33}[0-9a-zA-Z]$/,
    words: 'a letter, letters/digits/dashes, 3–35 characters',
  },
  webhook: {
    re: /^[a-zA-Z][0-9a-zA-Z-]{1,33}[0-9a-zA-Z]$/,
    words: 'a letter, letters/digits/dashes, 3–35 characters',
  },
};

export const structureInvalidComponentId = defineRule({
  id: 'structure/invalid-component-id',
  description: 'A component id Make would refuse (e.g. a module id with a dash or under 3 characters).',
  defaultSeverity: 'error',
  docs: 'Make checks component ids when they are created or deployed: modules and RPCs take a letter followed by letters and digits (3–64 characters, no dashes or underscores), functions likewise, connections and webhooks may also use dashes. An id outside these rules cannot be deployed, and module ids cannot be renamed later without breaking scenarios.',
  messages: {
    invalidId: '{kind} id "{name}" is not valid in Make: use {allowed}.',
  },
  check(ctx) {
    if (ctx.app.layout === 'loose') return; // ids were inferred from file names, not written by the author
    for (const f of ctx.analysis.components) {
      const rule = ID_RULES[f.component.kind];
      if (!rule || rule.re.test(f.component.name)) continue;
      ctx.report({
        messageId: 'invalidId',
        data: { kind: f.component.kind, name: f.component.name, allowed: rule.words },
        location: declaredAt(f.component),
        component: f.component,
      });
    }
  },
  cases: {
    valid: [
      {
        name: 'camelCase module',
        bundle: bundle({
          connections: { academy: academyConnection() },
          modules: {
            getMovie: module(
              'action',
              `"communication": { "url": "https://app-academy.make.com/api/v2/about" }, "scope": ["read"]`,
            ),
          },
        }),
      },
    ],
    invalid: [
      {
        name: 'dashed module id',
        bundle: bundle({
          connections: { academy: academyConnection() },
          modules: {
            '/*@invalidId*/get-movie': module(
              'action',
              `"communication": { "url": "https://app-academy.make.com/api/v2/about" }, "scope": ["read"]`,
            ),
          },
        }),
      },
      {
        name: 'an RPC id with a space',
        bundle: bundle({
          connections: { academy: academyConnection() },
          rpcs: {
            '/*@invalidId*/list genres': `{ "label": "Genres", "connection": "academy", "codes": { "communication": { "url": "/genres" } } }`,
          },
        }),
      },
      {
        name: 'a module id starting with a digit',
        bundle: bundle({
          connections: { academy: academyConnection() },
          modules: {
            '/*@invalidId*/2fa': module('action', `"communication": { "url": "/about" }, "scope": ["read"]`),
          },
        }),
      },
    ],
  },
});
