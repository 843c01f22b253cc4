import { defineRule } from '../types.ts';
import { academyApp } from './shared-cases.ts';
import { ofKind } from './util.ts';

const RPCS = (communication: string) => ({
  rpcs: {
    listGenres: `{ "label": "Genres", "connection": "academy", "codes": { "communication": ${communication} } }`,
  },
});

export const structureRpcWithoutUrl = defineRule({
  id: 'structure/rpc-without-url',
  description: 'An RPC whose communication has no request with a URL, so Make sends nothing.',
  defaultSeverity: 'warning',
  messages: {
    noUrl: 'RPC {rpc} sends no request: its communication has no url. Add the endpoint it should call.',
  },
  docs: 'An RPC fills a select, dynamic fields or samples from the API. Without a `url` no request goes out: the RPC answers nothing and the field it feeds stays empty. Give the request the endpoint it should call (relative to `baseUrl`). Make allows a request-less RPC (static options computed in IML), hence a warning.',
  check(ctx) {
    for (const f of ofKind(ctx, 'rpc')) {
      const code = f.component.codes.communication;
      if (!code || code.value === undefined) continue;
      const own = f.requests.filter((r) => r.code === code);
      if (own.some((r) => typeof r.url === 'string' && r.url.trim() !== '')) continue;
      ctx.report({
        messageId: 'noUrl',
        data: { rpc: f.id },
        code,
        pointer: own[0]?.pointer ?? '',
        component: f.component,
      });
    }
  },
  cases: {
    valid: [
      {
        name: 'with a URL',
        bundle: academyApp(
          `"communication": { "url": "/about" }, "scope": ["read"]`,
          'action',
          RPCS(
            `{ "url": "/genres", "response": { "iterate": "{{body.genres}}", "output": { "label": "{{item.name}}", "value": "{{item.id}}" } } }`,
          ),
        ),
      },
    ],
    invalid: [
      {
        name: 'a URL left empty',
        bundle: academyApp(
          `"communication": { "url": "/about" }, "scope": ["read"]`,
          'action',
          RPCS(`/*@noUrl*/ { "url": "  ", "response": { "output": "{{body}}" } }`),
        ),
      },
      {
        name: 'a list of requests none of which has a URL',
        bundle: academyApp(
          `"communication": { "url": "/about" }, "scope": ["read"]`,
          'action',
          RPCS(`[/*@noUrl*/ { "method": "GET" }, { "response": { "output": "{{body}}" } }]`),
        ),
      },
      {
        name: 'no URL',
        bundle: academyApp(
          `"communication": { "url": "/about" }, "scope": ["read"]`,
          'action',
          RPCS(
            `/*@noUrl*/ { "method": "GET", "response": { "iterate": "{{body.genres}}", "output": { "label": "{{item.name}}", "value": "{{item.id}}" } } }`,
          ),
        ),
      },
    ],
  },
});
