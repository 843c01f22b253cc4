import { isObject } from '../../model/index.ts';
import { defineRule, type Rule } from '../types.ts';
import { academyApp } from './shared-cases.ts';
import { responseOf } from './util.ts';

/** RPC names used as dynamic options (`"options": "rpc://x"` or `{ "store": "rpc://x" }`) of select fields. */
function optionRpcs(ctx: Parameters<Rule['check']>[0]): Set<string> {
  const out = new Set<string>();
  for (const f of ctx.analysis.components)
    for (const p of [...f.parameters.all]) {
      if (p.type !== 'select') continue;
      const o = p.value.options;
      const url =
        typeof o === 'string' ? o : isObject(o) && typeof o.store === 'string' ? o.store : undefined;
      if (url?.startsWith('rpc://')) out.add(url.slice(6).split(/[?@/#]/)[0]);
    }
  return out;
}

export const structureRpcOptionsShape = defineRule({
  id: 'structure/rpc-options-shape',
  description: 'An RPC used for select options whose output has no `label` or no `value`.',
  defaultSeverity: 'error',
  docs: 'A dynamic-options RPC must output one `{ "label", "value" }` object per option (optionally `default`). If its literal `response.output` lacks either key, the select shows empty entries or cannot store the choice.',
  messages: {
    missingKeys: 'RPC {name} feeds select options but its output lacks {missing}.',
  },
  check(ctx) {
    const used = optionRpcs(ctx);
    for (const f of ctx.analysis.components) {
      if (f.component.kind !== 'rpc' || !used.has(f.component.name)) continue;
      const comm = f.requests.filter((r) => r.code.codeType === 'communication');
      const last = comm[comm.length - 1];
      const out = last && responseOf(last)?.output;
      if (!isObject(out) || Object.keys(out).some((k) => k.includes('{{'))) continue;
      const missing = ['label', 'value'].filter((k) => !(k in out));
      if (missing.length)
        ctx.report({
          messageId: 'missingKeys',
          data: { name: f.component.name, missing: missing.map((m) => `"${m}"`).join(' and ') },
          code: last.code,
          pointer: `${last.pointer}/response/output`,
          component: f.component,
        });
    }
  },
  cases: {
    valid: [
      {
        name: 'label and value',
        bundle: academyApp(
          `"communication": { "url": "/about" }, "mappableParams": [{ "name": "genre", "type": "select", "label": "Genre", "options": "rpc://listGenres" }], "scope": ["read"]`,
          'action',
          {
            rpcs: {
              listGenres: `{ "label": "Genres", "connection": "academy", "codes": { "communication": { "url": "/genres", "response": { "iterate": "{{body.genres}}", "output": { "label": "{{item.name}}", "value": "{{item.id}}" } } } } }`,
            },
          },
        ),
      },
    ],
    invalid: [
      {
        name: 'name and id instead of label and value',
        bundle: academyApp(
          `"communication": { "url": "/about" }, "mappableParams": [{ "name": "genre", "type": "select", "label": "Genre", "options": "rpc://listGenres" }], "scope": ["read"]`,
          'action',
          {
            rpcs: {
              listGenres: `{ "label": "Genres", "connection": "academy", "codes": { "communication": { "url": "/genres", "response": { "iterate": "{{body.genres}}", "output": /*@missingKeys*/ { "name": "{{item.name}}", "id": "{{item.id}}" } } } } }`,
            },
          },
        ),
      },
      {
        name: 'options RPC with a label but no value',
        bundle: academyApp(
          `"communication": { "url": "/movies?genre={{parameters.genre}}" }, "mappableParams": [{ "name": "genre", "type": "select", "label": "Genre", "options": "rpc://listGenres" }], "scope": ["read"]`,
          'action',
          {
            rpcs: {
              listGenres: `{ "label": "Genres", "connection": "academy", "codes": { "communication": { "url": "/genres", "response": { "iterate": "{{body.genres}}", "output": /*@missingKeys*/ { "label": "{{item.name}}" } } } } }`,
            },
          },
        ),
      },
      {
        name: 'options given through store',
        bundle: academyApp(
          `"communication": { "url": "/movies?genre={{parameters.genre}}" }, "mappableParams": [{ "name": "genre", "type": "select", "label": "Genre", "options": { "store": "rpc://listGenres" } }], "scope": ["read"]`,
          'action',
          {
            rpcs: {
              listGenres: `{ "label": "Genres", "connection": "academy", "codes": { "communication": { "url": "/genres", "response": { "iterate": "{{body.genres}}", "output": /*@missingKeys*/ { "text": "{{item.name}}", "key": "{{item.id}}" } } } } }`,
            },
          },
        ),
      },
    ],
  },
});
