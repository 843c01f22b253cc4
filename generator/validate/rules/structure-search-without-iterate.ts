import { defineRule } from '../types.ts';
import { academyApp, genericApp } from './shared-cases.ts';
import { modules, responseOf } from './util.ts';

export const structureSearchWithoutIterate = defineRule({
  id: 'structure/search-without-iterate',
  description: 'A search module whose response never iterates, so it returns one bundle.',
  defaultSeverity: 'warning',
  docs: 'A search should output one bundle per found item: `response.iterate` points at the array in the response (`{{body.items}}`). Without it the whole response becomes one bundle and `limit` and pagination do not work as users expect.',
  messages: {
    noIterate: 'Search {component} never sets response.iterate; point it at the array of results.',
  },
  check(ctx) {
    for (const f of modules(ctx, 'search')) {
      const comm = f.requests.filter((r) => r.code.codeType === 'communication');
      if (comm.length === 0 || comm.some((r) => responseOf(r)?.iterate !== undefined)) continue;
      if (ctx.analysis.baseRequests.some((r) => responseOf(r)?.iterate !== undefined)) continue;
      const code = f.component.codes.communication;
      if (!code) continue;
      ctx.report({
        messageId: 'noIterate',
        data: { component: f.id },
        code,
        pointer: '',
        component: f.component,
      });
    }
  },
  cases: {
    valid: [
      {
        name: 'iterates',
        bundle: academyApp(
          `"communication": { "url": "/movies", "response": { "iterate": "{{body.movies}}", "limit": 5 } }, "scope": ["read"]`,
          'search',
        ),
      },
    ],
    invalid: [
      {
        name: 'no iterate',
        bundle: academyApp(
          `"communication": /*@noIterate*/ { "url": "/movies", "response": { "output": "{{body}}", "limit": 5 } }, "scope": ["read"]`,
          'search',
        ),
      },
      {
        name: 'search that outputs the whole body of a list endpoint',
        bundle: genericApp(
          `"communication": /*@noIterate*/ { "url": "/contacts", "qs": { "q": "{{parameters.q}}" } }, "mappableParams": [{ "name": "q", "type": "text", "label": "Query" }]`,
        ),
      },
      {
        name: 'search with two requests, neither iterating',
        bundle: academyApp(
          `"communication": /*@noIterate*/ [{ "url": "/me", "response": { "temp": { "id": "{{body.id}}" }, "output": null } }, { "url": "/users/{{temp.id}}/movies", "response": { "output": "{{body.movies}}" } }], "scope": ["read"]`,
          'search',
        ),
      },
    ],
  },
});
