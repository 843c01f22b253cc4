import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { authenticateApiKey, authenticateBearer } from './auth.ts';
import { isoSeconds } from './data/movie.ts';
import { ApiError, errorBody } from './errors.ts';
import { authorizeRoutes } from './oauth/authorize.ts';
import { sessionRoutes } from './oauth/session.ts';
import { tokenRoutes } from './oauth/token.ts';
import {
  type DataContext,
  matchRoute,
  type Reply,
  type RequestContext,
  type Route,
  type ServerState,
} from './router.ts';
import { accountRoutes } from './routes/account.ts';
import { catalogRoutes } from './routes/catalog.ts';
import { fileRoutes } from './routes/files.ts';
import { movieRoutes } from './routes/movies.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { requireScope, scopeForMethod } from './scopes.ts';
import type { RequestLogEntry } from './types.ts';

/** OAuth endpoints exist only in v2 and do their own authentication. */
const OAUTH_ROUTES: Route<RequestContext>[] = [...authorizeRoutes, ...tokenRoutes, ...sessionRoutes];
/** Data endpoints: the same in v1 (x-api-key) and v2 (Bearer + scopes). */
const DATA_ROUTES: Route<DataContext>[] = [
  ...accountRoutes,
  ...movieRoutes,
  ...catalogRoutes,
  ...webhookRoutes,
  ...fileRoutes,
];

export interface ServerHooks {
  log: RequestLogEntry[];
  onRequest?: (entry: RequestLogEntry) => void;
  internalErrors: Error[];
  /** Public origin, e.g. http://127.0.0.1:4000 (known once listening). */
  origin(): string;
}

export function createAcademyServer(state: ServerState, hooks: ServerHooks): Server {
  const server = createServer((req, res) => {
    handle(state, hooks, req, res).catch((e) => {
      // Only reachable if writing the response itself failed; never let it escape.
      hooks.internalErrors.push(e as Error);
      if (!res.headersSent) sendJson(res, 500, errorBody(500, 'Internal server error'));
      else res.destroy();
    });
  });
  server.on('clientError', (err: Error & { code?: string }, socket: Socket) => {
    if (!socket.writable) return socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const body = JSON.stringify(errorBody(status, `Malformed HTTP request (${err.code ?? err.message})`));
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  return server;
}

async function handle(
  state: ServerState,
  hooks: ServerHooks,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(`http://host${req.url ?? '/'}`);
  const entry: RequestLogEntry = {
    at: isoSeconds(state.clock.now()),
    method,
    path: url.pathname,
    status: 0,
    client: null,
    user: null,
  };
  res.on('finish', () => {
    entry.status = res.statusCode;
    hooks.log.push(entry);
    hooks.onRequest?.(entry);
  });
  let reply: Reply;
  try {
    reply = await route(state, hooks, req, method, url, (client, user) => {
      entry.client = client;
      entry.user = user;
    });
  } catch (e) {
    if (e instanceof ApiError) {
      reply = { status: e.status, json: errorBody(e.status, e.message, e.type), headers: e.headers };
    } else {
      hooks.internalErrors.push(e as Error);
      reply = { status: 500, json: errorBody(500, 'Internal server error') };
    }
  }
  send(res, reply);
}

async function route(
  state: ServerState,
  hooks: ServerHooks,
  req: IncomingMessage,
  method: string,
  url: URL,
  attribute: RequestContext['attribute'],
): Promise<Reply> {
  const m = /^\/api\/v([12])(\/.*)?$/.exec(url.pathname);
  if (!m)
    throw new ApiError(
      404,
      `Unknown route ${method} ${url.pathname}; the API lives under /api/v1 and /api/v2`,
    );
  const version = Number(m[1]) as 1 | 2;
  let path = m[2] ?? '/';
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  const base = `${hooks.origin()}/api/v${version}`;
  const ctx: RequestContext = {
    req,
    method,
    path,
    params: {},
    query: url.searchParams,
    state,
    base,
    attribute,
  };

  if (version === 2) {
    const oauth = matchRoute(OAUTH_ROUTES, method, path);
    if (oauth.kind === 'found') return oauth.route.handle({ ...ctx, params: oauth.params });
    if (oauth.kind === 'method-not-allowed') throw methodNotAllowed(method, path, oauth.allowed);
  }
  const found = matchRoute(DATA_ROUTES, method, path);
  if (found.kind === 'not-found') throw new ApiError(404, `Unknown route ${method} /api/v${version}${path}`);
  if (found.kind === 'method-not-allowed') throw methodNotAllowed(method, path, found.allowed);
  try {
    const auth = version === 1 ? authenticateApiKey(req, state) : authenticateBearer(req, state).auth;
    attribute(auth.client.clientId, auth.user.key);
    requireScope(auth.scopes, scopeForMethod(method));
    return await found.route.handle({ ...ctx, params: found.params, auth });
  } catch (e) {
    // Data endpoints answer the plain {message, code} shape; only OAuth endpoints add `type`.
    if (e instanceof ApiError && e.type) throw new ApiError(e.status, e.message, undefined, e.headers);
    throw e;
  }
}

function methodNotAllowed(method: string, path: string, allowed: string[]): ApiError {
  const list = [...new Set(allowed)].join(', ');
  return new ApiError(405, `Method ${method} is not allowed on ${path}; use ${list}`, undefined, {
    allow: list,
  });
}

function send(res: ServerResponse, reply: Reply): void {
  for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
  if (reply.json !== undefined) {
    sendJson(res, reply.status, reply.json);
    return;
  }
  if (reply.html !== undefined) {
    res.writeHead(reply.status, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(reply.html),
    });
    res.end(reply.html);
    return;
  }
  if (reply.bytes) {
    res.writeHead(reply.status, {
      'content-type': reply.bytes.contentType,
      'content-length': reply.bytes.body.length,
    });
    res.end(reply.bytes.body);
    return;
  }
  res.writeHead(reply.status);
  res.end();
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
