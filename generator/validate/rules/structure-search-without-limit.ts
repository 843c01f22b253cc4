import { isObject } from '../../model/index.ts';
import { defineRule } from '../types.ts';
import { academyApp, genericApp } from './shared-cases.ts';
import { modules, responseOf } from './util.ts';

/** A limit the user sets, passed to the API: `"qs": { "limit": "{{parameters.limit}}" }` (or in the body). */
function sendsLimit(request: Record<string, unknown>): boolean {
  return [request.qs, request.body].some(
    (o) =>
      isObject(o) &&
      Object.entries(o).some(
        ([k, v]) =>
          /^(limit|max_?results|per_?page|page_?size|count|top)$/i.test(k) &&
          typeof v === 'string' &&
          v.includes('parameters.'),
      ),
  );
}

export const structureSearchWithoutLimit = defineRule({
  id: 'structure/search-without-limit',
  description: 'A search module with no `response.limit` (and no Limit parameter).',
  defaultSeverity: 'warning',
  docs: 'A search returns many bundles and, with pagination, can page through the whole account. Make\'s review (BP-005) requires a "Limit" mappable parameter used as `response.limit: "{{parameters.limit}}"`, so users control how many bundles (and operations) a run produces.',
  messages: {
    noLimit:
      'Search {component} sets no response.limit; add a "limit" parameter and "limit": "{{parameters.limit}}".',
  },
  check(ctx) {
    for (const f of modules(ctx, 'search')) {
      const comm = f.component.codes.communication;
      if (!comm || comm.value === undefined) continue;
      const hasLimit =
        f.requests.some((r) => responseOf(r)?.limit !== undefined || sendsLimit(r.value)) ||
        ctx.analysis.baseRequests.some((r) => responseOf(r)?.limit !== undefined);
      if (hasLimit) continue;
      ctx.report({
        messageId: 'noLimit',
        data: { component: f.id },
        code: comm,
        pointer: '',
        component: f.component,
      });
    }
  },
  cases: {
    valid: [
      {
        name: 'limit from a parameter',
        bundle: academyApp(
          `"communication": { "url": "/movies", "response": { "iterate": "{{body.movies}}", "limit": "{{parameters.limit}}" }, "pagination": { "qs": { "page": "{{pagination.page}}" } } }, "mappableParams": [{ "name": "limit", "type": "uinteger", "label": "Limit", "default": 10 }], "scope": ["read"]`,
          'search',
        ),
      },
      {
        name: 'limit sent to the API as qs.limit',
        profile: 'generic',
        bundle: genericApp(
          `"communication": { "url": "/tasks", "qs": { "limit": "{{parameters.limit}}" }, "response": { "iterate": "{{body}}" } }, "mappableParams": [{ "name": "limit", "type": "uinteger", "label": "Limit" }]`,
        ),
      },
    ],
    invalid: [
      {
        name: 'no limit',
        bundle: academyApp(
          `"communication": /*@noLimit*/ { "url": "/movies", "response": { "iterate": "{{body.movies}}" } }, "scope": ["read"]`,
          'search',
        ),
      },
      {
        name: 'search with pagination but no limit',
        bundle: genericApp(
          `"communication": /*@noLimit*/ { "url": "/contacts", "response": { "iterate": "{{body.data}}" }, "pagination": { "qs": { "page": "{{pagination.page}}" } } }`,
        ),
      },
      {
        name: 'search over two requests without a limit',
        bundle: academyApp(
          `"communication": /*@noLimit*/ [{ "url": "/me", "response": { "temp": { "id": "{{body.id}}" }, "output": null } }, { "url": "/users/{{temp.id}}/movies", "response": { "iterate": "{{body.movies}}" } }], "scope": ["read"]`,
          'search',
        ),
      },
    ],
  },
});
