import type { ConnectionStore } from '../analysis/index.ts';
import { defineRule } from '../types.ts';
import { ACADEMY_BASE, academyConnection, academySections, bundle } from './case-kit.ts';
import { genericApp } from './shared-cases.ts';

function union(stores: (ConnectionStore | undefined)[]): ConnectionStore | undefined {
  if (stores.length === 0 || stores.some((s) => s === undefined || s.open)) return undefined;
  return { names: new Set(stores.flatMap((s) => [...(s as ConnectionStore).names])), open: false };
}

const CONNECTION_ROOT: readonly string[] = ['connection'];
const CONNECTION_AND_DATA_ROOTS: readonly string[] = ['connection', 'data'];

export const imlUnknownConnectionData = defineRule({
  id: 'iml/unknown-connection-data',
  description:
    '`connection.x` read but the connection never stores `x` (neither a parameter nor `response.data`).',
  defaultSeverity: 'error',
  explains: ['reference'],
  docs: 'A connection stores its parameters plus whatever its requests put in `response.data` (token, refresh, info...). Modules, RPCs and webhooks read that store as `connection.*`; inside the connection it is also `data.*`. Reading a name the connection never stores is always empty — typically `connection.accessToken` when the token response stores it as `access_token`. Store the value in `response.data` or fix the name.',
  messages: {
    notStored:
      '`{root}.{name}` is never stored by the connection (stored: {stored}); store it in response.data or fix the name.',
  },
  check(ctx) {
    const stores = ctx.analysis.connectionStores;
    const allConnections = union([...stores.values()]);
    const perComponent = new Map<string, ConnectionStore | undefined>();
    // components running with the same connections share one union (read-only)
    const byConnections = new Map<string, ConnectionStore | undefined>();
    for (const s of ctx.analysis.strings) {
      const c = s.component;
      let store: ConnectionStore | undefined;
      let roots = CONNECTION_ROOT;
      if (!c)
        store = allConnections; // base: any connection of the app
      else if (c.kind === 'connection') {
        store = stores.get(c.name);
        roots = CONNECTION_AND_DATA_ROOTS;
      } else {
        if (!perComponent.has(s.componentId)) {
          const f = ctx.analysis.facts(c);
          const names = (f?.connections ?? []).map((x) => x.name);
          const key = JSON.stringify(names);
          if (!byConnections.has(key)) byConnections.set(key, union(names.map((n) => stores.get(n))));
          perComponent.set(s.componentId, byConnections.get(key));
        }
        store = perComponent.get(s.componentId);
      }
      if (!store || store.open) continue;
      for (const v of s.analysis.variables) {
        if (!roots.includes(v.path[0]) || v.path.length < 2 || !s.available.has(v.path[0])) continue;
        if (store.names.has(v.path[1])) continue;
        ctx.report({
          messageId: 'notStored',
          data: { root: v.path[0], name: v.path[1], stored: [...store.names].join(', ') || 'nothing' },
          code: s.code,
          pointer: s.pointer,
          key: s.inKey,
          offsetInString: v.offset,
          length: v.length,
          component: c ?? 'base',
        });
      }
    }
  },
  cases: {
    valid: [
      {
        name: 'reads what the token response stores',
        bundle: bundle({ base: ACADEMY_BASE, connections: { academy: academyConnection() } }),
      },
    ],
    invalid: [
      {
        name: 'base reads connection.token, the connection stores accessToken',
        bundle: bundle({
          base: `{ "baseUrl": "https://app-academy.make.com/api/v2", "headers": { "authorization": /*@notStored"connection.token"*/ "Bearer {{connection.token}}" }, "log": { "sanitize": ["request.headers.authorization"] } }`,
          connections: { academy: academyConnection() },
        }),
      },
      {
        name: 'refresh reads data.refresh_token that token stored as refreshToken',
        bundle: bundle({
          connections: {
            academy: academyConnection(
              academySections({
                refresh: `{ "condition": "{{data.expires < addMinutes(now, 5)}}", "url": "https://app-academy.make.com/api/v2/refresh", "method": "POST",
                  "body": { "grant_type": "refresh_token", "refresh_token": /*@notStored"data.refresh_token"*/ "{{data.refresh_token}}" },
                  "response": { "data": { "accessToken": "{{body.access_token}}", "refreshToken": "{{body.refresh_token}}", "expires": "{{addMinutes(now, body.expires_in)}}" } },
                  "log": { "sanitize": ["request.body.refresh_token", "response.body.access_token", "response.body.refresh_token"] } }`,
              }),
            ),
          },
        }),
      },
      {
        name: 'a module header reads connection.api_key where the connection stores apiKey',
        bundle: genericApp(
          `"communication": { "url": "/contacts", "headers": { "x-api-key": /*@notStored"connection.api_key"*/ "{{connection.api_key}}" }, "response": { "iterate": "{{body.data}}" } }`,
        ),
      },
    ],
  },
});
