import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AcademyApi,
  type AcademyApiOptions,
  type ClientRegistration,
  consentFormBody,
  readConsentForm,
  startAcademyApi,
} from '../../generator/academy-api/index.ts';
import { createFakeClock } from '../../generator/model/clock.ts';

export const MINUTE = 60_000;

/** A deterministic server on a fake clock; remember to close it. */
export function startTestApi(opts: AcademyApiOptions = {}): Promise<AcademyApi> {
  return startAcademyApi({ deterministic: true, clock: createFakeClock('2026-01-01T09:00:00Z'), ...opts });
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  refresh_expires_in: number;
  scope: string;
}

/** Runs the consent page as a browser would (GET page, POST form) and returns the redirect Location. */
export async function consent(
  api: AcademyApi,
  opts: {
    user?: 'john' | 'jane' | null;
    scope?: string;
    state?: string;
    client?: ClientRegistration;
    decision?: 'allow' | 'deny';
    /** More authorize parameters (e.g. PKCE's code_challenge). */
    query?: Record<string, string>;
  } = {},
): Promise<URL> {
  const url = new URL(api.authorizeUrl({ client: opts.client, scope: opts.scope, state: opts.state }));
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
  const page = await fetch(url);
  if (page.status !== 200) throw new Error(`authorize page answered ${page.status}: ${await page.text()}`);
  const form = readConsentForm(await page.text());
  const res = await fetch(new URL(form.action, api.url), {
    method: 'POST',
    body: consentFormBody(form, opts.user === undefined ? 'john' : opts.user, opts.decision ?? 'allow'),
    redirect: 'manual',
  });
  if (res.status !== 302) throw new Error(`consent POST answered ${res.status}: ${await res.text()}`);
  return new URL(res.headers.get('location')!);
}

export async function getCode(api: AcademyApi, opts: Parameters<typeof consent>[1] = {}): Promise<string> {
  const location = await consent(api, opts);
  const code = location.searchParams.get('code');
  if (!code) throw new Error(`no code in ${location}`);
  return code;
}

export function exchange(
  api: AcademyApi,
  code: string,
  client = api.defaultClient,
  extra: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${api.apiBase(2)}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      code,
      client_id: client.clientId,
      client_secret: client.clientSecret,
      grant_type: 'authorization_code',
      redirect_uri: client.redirectUri,
      ...extra,
    }),
  });
}

/** The whole authorization-code flow for one user; returns the token response. */
export async function connect(api: AcademyApi, opts: Parameters<typeof consent>[1] = {}): Promise<Tokens> {
  const client = opts.client ?? api.defaultClient;
  const res = await exchange(api, await getCode(api, opts), client);
  if (res.status !== 200) throw new Error(`token answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Tokens;
}

export function refresh(
  api: AcademyApi,
  refreshToken: string,
  client = api.defaultClient,
): Promise<Response> {
  return fetch(`${api.apiBase(2)}/refresh`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      refresh_token: refreshToken,
      client_id: client.clientId,
      client_secret: client.clientSecret,
    }),
  });
}

/** A v2 call with a Bearer token; JSON body when given. */
export function v2(
  api: AcademyApi,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  return fetch(`${api.apiBase(2)}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
}

/** A v1 call with the default client's API key. */
export function v1(
  api: AcademyApi,
  method: string,
  path: string,
  body?: unknown,
  key = api.defaultClient.apiKey,
): Promise<Response> {
  return fetch(`${api.apiBase(1)}${path}`, {
    method,
    headers: { 'x-api-key': key, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
}

export async function json(res: Response): Promise<any> {
  return res.json();
}

export const IRON_MAN = '0c841ade9610';
export const newMovie = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  genres: [{ id: '1' }],
  directorId: 'f841a38b77be',
  releaseDate: '2024',
  length: 100,
  topCast: [{ role: 'Lead', castId: '5bfb3056c5e4' }],
  boxOffice: { budget: 10, grossProfit: 20 },
  premieres: { czechPremiere: '2024-01-02T00:00:00+00:00', originalPremiere: '2024-01-01T00:00:00+00:00' },
  ...extra,
});

/** A loopback HTTP server that records what it receives (a webhook receiver). */
export async function startReceiver(status = 200): Promise<{
  url: string;
  received: { method: string; path: string; headers: IncomingMessage['headers']; body: string }[];
  close(): Promise<void>;
}> {
  const received: { method: string; path: string; headers: IncomingMessage['headers']; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      received.push({
        method: req.method!,
        path: req.url!,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(status).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
