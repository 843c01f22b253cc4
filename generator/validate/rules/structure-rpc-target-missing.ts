import type { CodeFile } from '../../model/index.ts';
import { isObject, toPointer } from '../../model/index.ts';
import { defineRule } from '../types.ts';
import { academyApp } from './shared-cases.ts';

function walk(value: unknown, segs: (string | number)[], hit: (s: string, pointer: string) => void): void {
  if (typeof value === 'string') {
    if (value.startsWith('rpc://')) hit(value, toPointer(segs));
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) walk(value[i], [...segs, i], hit);
  } else if (isObject(value)) for (const [k, v] of Object.entries(value)) walk(v, [...segs, k], hit);
}

export const structureRpcTargetMissing = defineRule({
  id: 'structure/rpc-target-missing',
  description: 'An `rpc://name` reference to an RPC the app does not define.',
  defaultSeverity: 'error',
  explains: ['section-missing'],
  docs: 'Dynamic options, fields, samples and search buttons call RPCs by `rpc://name` (optionally `?param=value`). A name without a matching RPC makes the field fail to load in the editor.',
  messages: {
    unknownRpc: '"{reference}" names RPC "{name}", which the app does not define.',
  },
  check(ctx) {
    for (const f of ctx.analysis.components)
      for (const code of Object.values(f.component.codes) as (CodeFile | undefined)[]) {
        if (!code || code.value === undefined || (typeof code.value === 'string' && code.codeType === 'code'))
          continue;
        if (!code.text.includes('rpc://')) continue; // cheap pre-check: most documents reference no RPC
        walk(code.value, [], (s, pointer) => {
          const name = s.slice(6).split(/[?@/#]/)[0];
          if (name.includes('{{') || ctx.analysis.component('rpc', name)) return;
          ctx.report({
            messageId: 'unknownRpc',
            data: { reference: s, name },
            code,
            pointer,
            component: f.component,
          });
        });
      }
  },
  cases: {
    valid: [
      {
        name: 'defined RPC',
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
        name: 'undefined RPC',
        bundle: academyApp(
          `"communication": { "url": "/about" }, "mappableParams": [{ "name": "genre", "type": "select", "label": "Genre", "options": /*@unknownRpc*/ "rpc://listGenre" }], "scope": ["read"]`,
        ),
      },
      {
        name: 'a dynamic interface from an RPC that was renamed',
        bundle: academyApp(
          `"communication": { "url": "/movies/1" }, "interface": [/*@unknownRpc*/ "rpc://movieFields"], "scope": ["read"]`,
        ),
      },
      {
        name: 'a nested select fed by a missing RPC with a query',
        bundle: academyApp(
          `"communication": { "url": "/movies" }, "mappableParams": [{ "name": "genre", "type": "select", "label": "Genre", "options": { "store": /*@unknownRpc*/ "rpc://genres?type=movie" } }], "scope": ["read"]`,
        ),
      },
    ],
  },
});
