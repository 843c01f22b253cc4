import { isUnpaginated } from '../profiles/index.ts';
import type { Rule } from '../types.ts';
import { academyApp } from './shared-cases.ts';
import { modules, responseOf, urlPath } from './util.ts';

export const structureListWithoutPagination: Rule = {
  id: 'structure/list-without-pagination',
  description: 'A search or polling trigger that iterates over a list but never asks for the next page.',
  defaultSeverity: 'warning',
  docs: 'List endpoints return pages (the App Academy API at most 5 items per page). A search or trigger without `pagination` only ever sees the first page, so results silently stop at the page size. Add `pagination` (page number, offset, next-page token or has-more flag, per the API). Endpoints the API profile lists as unpaginated (Academy: /genres, /files, /awards...) are not reported.',
  check(ctx) {
    const basePaginates = ctx.analysis.baseRequests.some((r) => r.value.pagination !== undefined);
    if (basePaginates) return;
    for (const f of modules(ctx, 'search', 'trigger')) {
      const comm = f.requests.filter((r) => r.code.codeType === 'communication');
      const last = comm[comm.length - 1];
      if (!last || responseOf(last)?.iterate === undefined) continue;
      if (comm.some((r) => r.value.pagination !== undefined)) continue;
      if (isUnpaginated(ctx.profile, urlPath(last.url))) continue; // the API answers this list in one page
      ctx.report({
        message: `${f.id} iterates over a list but has no pagination, so it only sees the first page; add "pagination".`,
        code: last.code,
        pointer: `${last.pointer}/response/iterate`,
        component: f.component,
      });
    }
  },
  cases: {
    valid: [
      {
        name: 'an endpoint the Academy profile knows answers in one page',
        bundle: academyApp(
          `"communication": { "url": "/awards/{{parameters.id}}", "response": { "iterate": "{{body.awards}}", "limit": 10 } }, "mappableParams": [{ "name": "id", "type": "text", "label": "ID" }], "scope": ["read"]`,
          'search',
        ),
      },
      {
        name: 'page pagination',
        bundle: academyApp(
          `"communication": { "url": "/movies", "response": { "iterate": "{{body.movies}}", "limit": 10 }, "pagination": { "qs": { "page": "{{pagination.page}}" }, "condition": "{{body.page < body.totalPages}}" } }, "scope": ["read"]`,
          'search',
        ),
      },
    ],
    invalid: [
      {
        name: 'no pagination',
        bundle: academyApp(
          `"communication": { "url": "/movies", "response": { "iterate": /*@*/ "{{body.movies}}", "limit": 10 } }, "scope": ["read"]`,
          'search',
        ),
      },
    ],
  },
};
