import { scopeForRequest } from '../profiles/index.ts';
import { defineRule } from '../types.ts';
import { academyApp, ID_PARAM } from './shared-cases.ts';
import { urlPath } from './util.ts';

export const scopeMethodScopeMissing = defineRule({
  id: 'scope/method-scope-missing',
  description:
    "A request's HTTP method needs a scope (per the API profile) that the module does not require.",
  defaultSeverity: 'error',
  explains: ['scope', 'section-missing'],
  docs: 'Some APIs tie scopes to HTTP methods. The App Academy API v2 needs `read` for any GET except `/info`, `write` for POST/PUT/PATCH and `delete` for DELETE. If the module\'s `scope` lacks it, Make never asks the user for it and the API answers 403 "Missing scope". The method→scope map comes from the API profile.',
  messages: {
    missing:
      '{method} {url} needs the "{scope}" scope ({api} profile), but {component} does not require it; add "{scope}" to its scope.',
  },
  check(ctx) {
    if (ctx.profile.methodScopes.length === 0) return;
    for (const f of ctx.analysis.components) {
      if (!(f.component.kind === 'module' || f.component.kind === 'webhook')) continue;
      if (!f.connections.some((c) => c.codes.scopeList || c.connectionType === 'oauth')) continue;
      const scopeCode = f.component.codes.scope ?? f.component.codes.requiredScope;
      const have = new Set(
        Array.isArray(scopeCode?.value)
          ? (scopeCode.value as unknown[]).filter((x) => typeof x === 'string')
          : [],
      );
      const needed = new Map<string, (typeof f.requests)[number]>();
      for (const r of f.requests) {
        if (
          r.url === undefined ||
          r.method === undefined ||
          (/^https?:\/\//i.test(r.url) && !ctx.profile.hosts.some((h) => r.url?.includes(h)))
        )
          continue;
        const need = scopeForRequest(ctx.profile, r.method, urlPath(r.url));
        if (need && !have.has(need) && !needed.has(need)) needed.set(need, r);
      }
      for (const [need, r] of needed) {
        const onMethod = r.value.method !== undefined;
        ctx.report({
          messageId: 'missing',
          data: {
            method: String(r.method),
            url: String(r.url),
            scope: need,
            api: ctx.profile.name,
            component: f.id,
          },
          code: r.code,
          pointer: `${r.pointer}/${onMethod ? 'method' : 'url'}`,
          component: f.component,
        });
      }
    }
  },
  cases: {
    valid: [
      {
        name: 'GET with read',
        bundle: academyApp(`"communication": { "url": "/about" }, "scope": ["read"]`),
      },
      { name: '/info needs no read', bundle: academyApp(`"communication": { "url": "/info" }, "scope": []`) },
    ],
    invalid: [
      {
        name: 'DELETE without delete',
        bundle: academyApp(
          `"communication": { "url": "/movies/{{parameters.id}}", "method": /*@missing*/ "DELETE" }, "mappableParams": [{ "name": "id", "type": "text", "label": "ID" }], "scope": ["read"]`,
        ),
      },
      {
        name: 'POST create with only read',
        bundle: academyApp(
          `"communication": { "url": "/movies", "method": /*@missing*/ "POST", "body": { "title": "{{parameters.title}}" } }, "mappableParams": [{ "name": "title", "type": "text", "label": "Title" }], "scope": ["read"]`,
        ),
      },
      {
        name: 'GET with no method written and an empty scope',
        bundle: academyApp(
          `"communication": { "url": /*@missing*/ "/movies/{{parameters.id}}" }, ${ID_PARAM}, "scope": []`,
        ),
      },
    ],
  },
});
