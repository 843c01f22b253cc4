import type { IncomingMessage } from 'node:http';
import type { Clock } from '../model/clock.ts';
import type { ClientRegistry } from './clients.ts';
import type { DataStore } from './data/store.ts';
import type { IdSource } from './ids.ts';
import type { ConsentFormStore } from './oauth/consent-forms.ts';
import type { TokenStore } from './oauth/token-store.ts';
import type { WebhookDispatcher } from './routes/webhook-delivery.ts';
import type { AuthContext, UserKey, WebhookDelivery } from './types.ts';

/** What every handler can reach: the stores, the clock and the delivery log. */
export interface ServerState {
  clock: Clock;
  ids: IdSource;
  clients: ClientRegistry;
  tokens: TokenStore;
  consentForms: ConsentFormStore;
  data: DataStore;
  deliveries: WebhookDelivery[];
  webhooks: WebhookDispatcher;
}

export interface RequestContext {
  req: IncomingMessage;
  method: string;
  /** Path below the version prefix, e.g. `/movies/0c841ade9610`. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  state: ServerState;
  /** Base URL of this version, e.g. `http://127.0.0.1:4000/api/v2`. */
  base: string;
  /** Names the client and app user in the request log once a handler knows them. */
  attribute(client: string | null, user: UserKey | null): void;
}

export interface DataContext extends RequestContext {
  auth: AuthContext;
}

/** A handler's answer: JSON, HTML, raw bytes, or an empty body (204 / 302). */
export interface Reply {
  status: number;
  json?: unknown;
  html?: string;
  bytes?: { body: Buffer; contentType: string };
  headers?: Record<string, string>;
}

export interface Route<C> {
  method: string;
  /** Path pattern with `:name` segments, e.g. `/movies/:id`. */
  pattern: string;
  handle(ctx: C): Reply | Promise<Reply>;
}

export type RouteMatch<C> =
  | { kind: 'found'; route: Route<C>; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

/** Matches a path segment by segment; a parameter segment never matches an empty string. */
export function matchRoute<C>(routes: readonly Route<C>[], method: string, path: string): RouteMatch<C> {
  const segments = path.split('/').slice(1);
  const allowed: string[] = [];
  for (const route of routes) {
    const params = matchPattern(route.pattern, segments);
    if (!params) continue;
    if (route.method === method || (method === 'HEAD' && route.method === 'GET'))
      return { kind: 'found', route, params };
    allowed.push(route.method);
  }
  return allowed.length ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
}

function matchPattern(pattern: string, segments: string[]): Record<string, string> | null {
  const parts = pattern.split('/').slice(1);
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const seg = segments[i]!;
    if (part.startsWith(':')) {
      if (seg === '') return null;
      let value: string;
      try {
        value = decodeURIComponent(seg);
      } catch {
        return null;
      }
      params[part.slice(1)] = value;
    } else if (part !== seg) return null;
  }
  return params;
}
