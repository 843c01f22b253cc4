import { defineRule } from '../types.ts';
import { academyConnection, bundle, module } from './case-kit.ts';

export const structureRelativeUrlWithoutBase = defineRule({
  id: 'structure/relative-url-without-base',
  description: 'A module or RPC uses a relative URL but base defines no `baseUrl`.',
  defaultSeverity: 'error',
  explains: ['url'],
  docs: "Relative URLs in modules and RPCs are joined to base's `baseUrl`. Without a `baseUrl` the request has no host and fails. Set `baseUrl` in base (connections and webhooks do not inherit it: use absolute URLs there).",
  messages: {
    noBaseUrl: 'URL "{url}" is relative but base sets no baseUrl; add baseUrl or use an absolute URL.',
    connectionNoBase:
      'URL "{url}" is relative but base sets no baseUrl (and connections do not inherit base anyway); add baseUrl or use an absolute URL.',
  },
  check(ctx) {
    const hasBase = ctx.analysis.baseRequests.some(
      (r) => typeof r.value.baseUrl === 'string' && r.value.baseUrl !== '',
    );
    if (hasBase) return;
    for (const r of ctx.analysis.requests) {
      if (!r.component) continue;
      const inherits =
        r.component.kind === 'module' ||
        r.component.kind === 'rpc' ||
        (r.component.kind === 'webhook' && r.code.codeType !== 'communication');
      const u = r.url?.trim();
      if (!u || /^[a-z][a-z0-9+.-]*:\/\//i.test(u) || u.startsWith('{{')) continue;
      if (!inherits && !u.startsWith('/')) continue;
      ctx.report({
        messageId: inherits ? 'noBaseUrl' : 'connectionNoBase',
        data: { url: u },
        code: r.code,
        pointer: `${r.pointer}/url`,
        component: r.component,
      });
    }
  },
  cases: {
    valid: [
      {
        name: 'absolute URL',
        bundle: bundle({
          connections: { academy: academyConnection() },
          modules: {
            about: module(
              'action',
              `"communication": { "url": "https://app-academy.make.com/api/v2/about" }, "scope": ["read"]`,
            ),
          },
        }),
      },
    ],
    invalid: [
      {
        name: 'relative without base',
        bundle: bundle({
          connections: { academy: academyConnection() },
          modules: {
            about: module('action', `"communication": { "url": /*@noBaseUrl*/ "/about" }, "scope": ["read"]`),
          },
        }),
      },
      {
        name: 'connection check against a relative path',
        bundle: bundle({
          connections: {
            key: `{ "label": "Key", "connectionType": "basic", "codes": { "communication": { "url": /*@connectionNoBase*/ "/me", "headers": { "x-api-key": "{{parameters.apiKey}}" } }, "params": [{ "name": "apiKey", "type": "password", "label": "API key" }] } }`,
          },
        }),
      },
      {
        name: 'an RPC with a path without leading slash',
        bundle: bundle({
          connections: { academy: academyConnection() },
          rpcs: {
            listGenres: `{ "label": "Genres", "connection": "academy", "codes": { "communication": { "url": /*@noBaseUrl*/ "genres", "response": { "iterate": "{{body}}" } } } }`,
          },
        }),
      },
    ],
  },
});
