import { defineRule } from '../types.ts';
import { bundle } from './case-kit.ts';
import { academyApp, ID_PARAM } from './shared-cases.ts';

export const imlZeroIndex = defineRule({
  id: 'iml/zero-index',
  description: 'Array index `[0]` in an IML path, which is always empty (IML arrays start at 1).',
  defaultSeverity: 'error',
  docs: 'IML array indexes are 1-based: `[1]` is the first item, `[-1]` the last and `[]` the first. `[0]` resolves to nothing, so `{{body.items[0].id}}` is always empty. Use `[1]` (or `first(...)`).',
  messages: {
    zeroIndex: '`{path}[0]` is always empty: IML arrays start at 1; use [1] for the first item.',
  },
  check(ctx) {
    for (const s of ctx.analysis.strings)
      for (const v of s.analysis.variables)
        for (const ix of v.indexes)
          if (ix.value === 0)
            ctx.report({
              messageId: 'zeroIndex',
              data: { path: v.path.join('.') },
              code: s.code,
              pointer: s.pointer,
              key: s.inKey,
              offsetInString: ix.offset,
              length: 3,
              component: s.component ?? 'base',
            });
  },
  cases: {
    valid: [
      {
        name: 'first item with [1]',
        bundle: academyApp(
          `"communication": { "url": "/movies/{{parameters.id}}", "response": { "output": "{{body.awards[1]}}" } }, ${ID_PARAM}, "scope": ["read"]`,
        ),
      },
    ],
    invalid: [
      {
        name: 'first item with [0]',
        bundle: academyApp(
          `"communication": { "url": "/movies/{{parameters.id}}", "response": { "output": /*@zeroIndex"[0]"*/ "{{body.awards[0]}}" } }, ${ID_PARAM}, "scope": ["read"]`,
        ),
      },
      {
        name: 'the first result of a lookup taken with [0] in response.temp',
        bundle: academyApp(
          `"communication": { "url": "/movies", "qs": { "title": "{{parameters.title}}" }, "response": { "temp": { "id": /*@zeroIndex"[0]"*/ "{{body.movies[0].id}}" }, "output": "{{body}}" } }, "mappableParams": [{ "name": "title", "type": "text", "label": "Title" }], "scope": ["read"]`,
        ),
      },
      {
        name: 'the first tag of each item',
        bundle: academyApp(
          `"communication": { "url": "/movies", "response": { "iterate": "{{body.movies}}", "output": { "id": "{{item.id}}", "genre": /*@zeroIndex"[0]"*/ "{{item.genres[0]}}" } } }, "scope": ["read"]`,
          'search',
        ),
      },
      {
        name: 'an iterate container written without braces (Make reads it as IML)',
        bundle: academyApp(
          `"communication": { "url": "/movies", "response": { "iterate": /*@zeroIndex"[0]"*/ "body.pages[0].movies" } }, "scope": ["read"]`,
          'search',
        ),
      },
      {
        name: 'a webhook splitting the first batch of a delivery, iterate without braces',
        bundle: bundle({
          webhooks: {
            events: `{ "label": "Events", "webhookType": "web", "codes": { "communication": { "iterate": /*@zeroIndex"[0]"*/ "body.batches[0].events", "output": "{{item}}" } } }`,
          },
        }),
      },
    ],
  },
});
