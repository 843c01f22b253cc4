import { isObject } from '../../model/index.ts';
import { isUnpaginated } from '../profiles/index.ts';
import { defineRule } from '../types.ts';
import { academyApp, genericApp } from './shared-cases.ts';
import { modules, responseOf, urlPath } from './util.ts';

const PAGING_PARAM =
  /^(page|page_?(no|number|size|token)|per_?page|offset|skip|start|cursor|after|before|limit|max_?results|page_?cursor|next_?(page|token|cursor))$/i;
const PAGING_RESPONSE =
  /\b(next|has_?more|hasMore|total|total_?(count|pages|results)|next_?(page|token|cursor|url)|cursor|page_?info|paging|pagination)\b/;

/** Evidence that the endpoint pages: paging query/body parameters, or a response read for paging fields. */
function showsPaging(requests: { value: Record<string, unknown> }[]): boolean {
  for (const r of requests) {
    for (const part of [r.value.qs, r.value.body])
      if (isObject(part) && Object.keys(part).some((k) => PAGING_PARAM.test(k))) return true;
    if (typeof r.value.url === 'string' && /[?&](page|offset|cursor|limit|per_page)=/i.test(r.value.url))
      return true;
    const resp = r.value.response;
    if (resp !== undefined && PAGING_RESPONSE.test(JSON.stringify(resp))) return true;
  }
  return false;
}

export const structureListWithoutPagination = defineRule({
  id: 'structure/list-without-pagination',
  description: 'A search or polling trigger that iterates over a list but never asks for the next page.',
  defaultSeverity: 'warning',
  explains: ['pagination'],
  docs: 'List endpoints return pages (the App Academy API at most 5 items per page). A search or trigger without `pagination` only ever sees the first page, so results silently stop at the page size. Add `pagination` (page number, offset, next-page token or has-more flag, per the API). Endpoints the API profile lists as unpaginated (Academy: /genres, /files, /awards...) are not reported. Most other APIs answer many lists (bare arrays, lookups, /models) in one go, so without a profile that says lists page, the rule needs evidence of paging: page/offset/cursor/limit parameters in the request, or a response read for next/hasMore/total.',
  messages: {
    noPagination:
      '{component} iterates over a list but has no pagination, so it only sees the first page; add "pagination".',
  },
  check(ctx) {
    const basePaginates = ctx.analysis.baseRequests.some((r) => r.value.pagination !== undefined);
    if (basePaginates) return;
    for (const f of modules(ctx, 'search', 'trigger')) {
      const comm = f.requests.filter((r) => r.code.codeType === 'communication');
      const last = comm[comm.length - 1];
      if (!last || responseOf(last)?.iterate === undefined) continue;
      if (comm.some((r) => r.value.pagination !== undefined)) continue;
      if (isUnpaginated(ctx.profile, urlPath(last.url))) continue; // the API answers this list in one page
      // Most iterated endpoints return complete lists (bare arrays, lookups): warn only with
      // evidence of paging in the request or response, or from the API profile.
      if (!ctx.profile.paginatedLists && !showsPaging(comm)) continue;
      ctx.report({
        messageId: 'noPagination',
        data: { component: f.id },
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
      {
        name: 'a bare array from an unknown API (no evidence of paging)',
        profile: 'generic',
        bundle: genericApp(
          `"communication": { "url": "/models", "response": { "iterate": "{{body}}", "limit": 10 } }`,
        ),
      },
      {
        name: 'a lookup list read without paging fields',
        profile: 'generic',
        bundle: genericApp(
          `"communication": { "url": "/workspaces", "response": { "iterate": "{{body.workspaces}}", "output": { "id": "{{item.id}}" } } }`,
        ),
      },
    ],
    invalid: [
      {
        name: 'unknown API: sends a page parameter but never asks for the next page',
        profile: 'generic',
        bundle: genericApp(
          `"communication": { "url": "/contacts", "qs": { "page": 1, "per_page": 100 }, "response": { "iterate": /*@noPagination*/ "{{body.contacts}}" } }`,
        ),
      },
      {
        name: 'unknown API: response carries a next cursor',
        profile: 'generic',
        bundle: genericApp(
          `"communication": { "url": "/events", "response": { "iterate": /*@noPagination*/ "{{body.data}}", "temp": { "cursor": "{{body.next_cursor}}" } } }`,
        ),
      },
      {
        name: 'no pagination',
        bundle: academyApp(
          `"communication": { "url": "/movies", "response": { "iterate": /*@noPagination*/ "{{body.movies}}", "limit": 10 } }, "scope": ["read"]`,
          'search',
        ),
      },
    ],
  },
});
