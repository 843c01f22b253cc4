import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Clock, createFakeClock, createSystemClock } from '../model/clock.ts';
import { ClientRegistry, DEFAULT_REDIRECT_URI } from './clients.ts';
import { DataStore } from './data/store.ts';
import { createIdSource } from './ids.ts';
import { ConsentFormStore } from './oauth/consent-forms.ts';
import { DEFAULT_LIFETIMES, type Lifetimes, type TokenPair, TokenStore } from './oauth/token-store.ts';
import type { ServerState } from './router.ts';
import { type WebhookDeliveryOptions, WebhookDispatcher } from './routes/webhook-delivery.ts';
import { SCOPES } from './scopes.ts';
import { createAcademyServer } from './server.ts';
import type { AppUser, ClientRegistration, RequestLogEntry, UserKey, WebhookDelivery } from './types.ts';
import { APP_USERS } from './users.ts';

export { BODY_LIMIT_BYTES } from './body.ts';
export { DEFAULT_REDIRECT_URI } from './clients.ts';
export { LIMITS } from './data/store.ts';
export { type ConsentForm, consentFormBody, readConsentForm } from './oauth/consent-form.ts';
export type { Lifetimes, TokenPair } from './oauth/token-store.ts';
export { DEFAULT_LIFETIMES } from './oauth/token-store.ts';
export type { WebhookDeliveryOptions } from './routes/webhook-delivery.ts';
export { SCOPES, type Scope } from './scopes.ts';
export type {
  AppUser,
  AuthContext,
  ClientRegistration,
  RequestLogEntry,
  UserKey,
  WebhookDelivery,
  WebhookEvent,
} from './types.ts';
export { APP_USERS } from './users.ts';

export interface AcademyApiOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1 (loopback only). */
  host?: string;
  /** Time source of every rule; default: a fake clock in deterministic mode, real time otherwise. */
  clock?: Clock;
  /** Seeded ids, tokens and generated credentials (default false: cryptographically random). */
  deterministic?: boolean;
  /** Seed of deterministic mode (default 1). */
  seed?: number;
  /** Token and code lifetimes in minutes (defaults 60 / 1440 / 10). */
  lifetimes?: Partial<Lifetimes>;
  /** Clients to register instead of the one default client (missing fields are generated). */
  clients?: Partial<ClientRegistration>[];
  /** How webhook deliveries are sent (see README). */
  webhooks?: WebhookDeliveryOptions;
  /** Called for every finished request (serve-api prints them). */
  onRequest?: (entry: RequestLogEntry) => void;
}

export interface AuthorizeUrlOptions {
  client?: ClientRegistration;
  /** Scopes as a list or a space-separated string; default all four. */
  scope?: string | string[];
  state?: string;
  redirectUri?: string;
  responseType?: string;
}

export interface AcademyApi {
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** `${url}/api/v1` or `${url}/api/v2`. */
  apiBase(version: 1 | 2): string;
  /** A ready authorize URL (GET shows the consent page). */
  authorizeUrl(opts?: AuthorizeUrlOptions): string;
  readonly clock: Clock;
  readonly lifetimes: Readonly<Lifetimes>;
  /** Every registered client; the first is the default. */
  readonly clients: ClientRegistration[];
  readonly defaultClient: ClientRegistration;
  readonly users: Readonly<Record<UserKey, AppUser>>;
  /** Requests as the server saw them (cleared by reset()). */
  readonly requestLog: RequestLogEntry[];
  /** Every webhook delivery attempt (cleared by reset()). */
  readonly webhookDeliveries: WebhookDelivery[];
  /** Unexpected exceptions caught by the server (each answered 500); empty in a healthy run. */
  readonly internalErrors: Error[];
  registerClient(partial?: Partial<ClientRegistration>): ClientRegistration;
  /** Token pairs still usable (not revoked, refresh not expired). */
  liveTokens(): TokenPair[];
  /** Waits for background webhook deliveries. */
  flushWebhooks(): Promise<void>;
  /** Forgets tokens, codes, created movies, webhooks and logs; keeps clients and the clock. */
  reset(): void;
  close(): Promise<void>;
}

function checkLifetimes(l: Lifetimes): Lifetimes {
  for (const [k, v] of Object.entries(l)) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0)
      throw new TypeError(`lifetimes.${k} must be a positive number of minutes`);
  }
  return l;
}

/** Starts the embedded App Academy API on loopback and resolves once it listens. */
export async function startAcademyApi(opts: AcademyApiOptions = {}): Promise<AcademyApi> {
  const state = createState(opts);
  const { clock, ids, clients, webhooks, deliveries: webhookDeliveries } = state;
  const lifetimes = state.tokens.lifetimes;
  const requestLog: RequestLogEntry[] = [];
  const internalErrors: Error[] = [];
  const host = opts.host ?? '127.0.0.1';
  // handlers build their base URL from the origin, which is known only once the server listens
  let origin = '';
  const server = createAcademyServer(state, {
    log: requestLog,
    onRequest: opts.onRequest,
    internalErrors,
    origin: () => origin,
  });
  const port = await listen(server, opts.port ?? 0, host);
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const api: AcademyApi = {
    url: origin,
    host,
    port,
    apiBase: (version) => `${origin}/api/v${version}`,
    authorizeUrl: (o = {}) => authorizeUrl(origin, o.client ?? clients.all[0]!, o),
    clock,
    lifetimes,
    get clients() {
      return clients.all;
    },
    get defaultClient() {
      return clients.all[0]!;
    },
    users: APP_USERS,
    requestLog,
    webhookDeliveries,
    internalErrors,
    registerClient: (partial) => clients.register(partial),
    liveTokens: () => state.tokens.livePairs(),
    flushWebhooks: () => webhooks.flush(),
    reset: () => {
      state.tokens.clear();
      state.consentForms.clear();
      state.data.clear();
      requestLog.length = 0;
      webhookDeliveries.length = 0;
      internalErrors.length = 0;
      ids.restart(['client', 'secret:cs_', 'secret:ak_']);
    },
    close: () => closeServer(server, webhooks),
  };
  return api;
}

/** Ids, clock, registered clients and empty stores, as the options ask. */
function createState(opts: AcademyApiOptions): ServerState {
  const deterministic = opts.deterministic ?? false;
  const ids = createIdSource({ deterministic, seed: opts.seed ?? 1 });
  const clock = opts.clock ?? (deterministic ? createFakeClock() : createSystemClock());
  const lifetimes = checkLifetimes({ ...DEFAULT_LIFETIMES, ...opts.lifetimes });
  const clients = new ClientRegistry(ids);
  for (const c of opts.clients?.length ? opts.clients : [{ redirectUri: DEFAULT_REDIRECT_URI }])
    clients.register(c);
  const deliveries: WebhookDelivery[] = [];
  return {
    clock,
    ids,
    clients,
    tokens: new TokenStore(clock, ids, lifetimes),
    consentForms: new ConsentFormStore(clock, ids),
    data: new DataStore(clock, ids),
    deliveries,
    webhooks: new WebhookDispatcher(clock, deliveries, opts.webhooks),
  };
}

/** Resolves with the bound port once the server listens; rejects if it cannot (port taken). */
function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function authorizeUrl(origin: string, client: ClientRegistration, o: AuthorizeUrlOptions): string {
  const u = new URL(`${origin}/api/v2/authorize`);
  u.searchParams.set('client_id', client.clientId);
  u.searchParams.set('redirect_uri', o.redirectUri ?? client.redirectUri);
  u.searchParams.set('response_type', o.responseType ?? 'code');
  const scope = o.scope ?? [...SCOPES];
  u.searchParams.set('scope', Array.isArray(scope) ? scope.join(' ') : scope);
  if (o.state !== undefined) u.searchParams.set('state', o.state);
  return u.toString();
}

async function closeServer(server: Server, webhooks: WebhookDispatcher): Promise<void> {
  // Deliveries get 2 s to finish; the timer is cleared so it never holds the process open.
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([webhooks.flush(), new Promise((r) => (timer = setTimeout(r, 2000)))]);
  clearTimeout(timer);
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
