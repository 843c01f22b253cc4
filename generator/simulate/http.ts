/**
 * Real HTTP for the simulator: the app's URL (naming the real host) is routed through the host
 * mapping to a local server; unmapped hosts are refused unless the run is live, so a simulation
 * never reaches the internet by accident.
 */

import { setOwn } from '../model/index.ts';
import { MakeError } from './errors.ts';

export interface WireRequest {
  method: string;
  /** Full URL as the app built it (real host), including the query string. */
  url: string;
  /** Header names as sent (Make title-cases them). */
  headers: Record<string, string>;
  body?: Buffer;
  timeoutMs: number;
}

export interface WireResponse {
  status: number;
  statusText: string;
  /** Lower-cased names; repeated headers joined with ', ' (set-cookie with '\n'). */
  headers: Record<string, string>;
  body: Buffer;
}

export interface Transport {
  send(req: WireRequest): Promise<WireResponse>;
}

/**
 * The largest response body read into memory. A server that sends more (a hostile or broken one
 * can stream without end) fails the request with Make's data-size error instead of exhausting the
 * simulator's memory.
 */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** `{ 'app-academy.make.com': 'http://127.0.0.1:5123' }`: host (optionally host:port) → origin to use. */
export type HostMap = Record<string, string>;

export function mapUrl(url: string, hostMap: HostMap, allowUnmapped: boolean): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new MakeError('RuntimeError', `Invalid URL: ${url}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new MakeError('RuntimeError', `Unsupported protocol in URL: ${url}`);
  const target = hostMap[u.host] ?? hostMap[u.hostname];
  if (target) {
    const t = new URL(target);
    const basePath = t.pathname.replace(/\/$/, '');
    return `${t.origin}${basePath}${u.pathname}${u.search}`;
  }
  if (allowUnmapped || isLoopback(u.hostname)) return u.toString();
  throw new MakeError(
    'ConnectionError',
    `Host ${u.host} is not mapped to a simulated server (map it with --host-map ${u.host}=<url>, or use --live)`,
  );
}

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

/** Sends requests with Node's fetch (undici), never following redirects itself. */
export function createFetchTransport(hostMap: HostMap, opts: { allowUnmapped: boolean }): Transport {
  const once = sendOnce(hostMap, opts);
  return {
    async send(req) {
      try {
        return await once(req);
      } catch (e) {
        // A pooled keep-alive connection the simulated server closed while the process was busy
        // (a custom function running to its timeout) resets on reuse: the request never reached
        // the server, so a simulated host gets one retry on a fresh connection. Never when live.
        if (
          !opts.allowUnmapped &&
          e instanceof MakeError &&
          /\((ECONNRESET|UND_ERR_SOCKET)\)/.test(e.message)
        )
          return await once(req);
        throw e;
      }
    },
  };
}

function sendOnce(hostMap: HostMap, opts: { allowUnmapped: boolean }): Transport['send'] {
  return async (req) => {
    {
      const target = mapUrl(req.url, hostMap, opts.allowUnmapped);
      const ctrl = new AbortController();
      const timer = setTimeout(() => ctrl.abort(), req.timeoutMs);
      try {
        const res = await fetch(target, {
          method: req.method,
          headers: req.headers,
          body:
            req.body && req.method !== 'GET' && req.method !== 'HEAD' ? new Uint8Array(req.body) : undefined,
          redirect: 'manual',
          signal: ctrl.signal,
        });
        const body = await readCapped(res, ctrl, `${req.method} ${req.url}`);
        const headers: Record<string, string> = {};
        res.headers.forEach((v, k) => {
          setOwn(headers, k, v);
        });
        const cookies = res.headers.getSetCookie?.() ?? [];
        if (cookies.length) headers['set-cookie'] = cookies.join('\n');
        return { status: res.status, statusText: res.statusText, headers, body };
      } catch (e) {
        if (e instanceof MakeError) throw e;
        const err = e as { name?: string; cause?: { code?: string; message?: string }; message?: string };
        if (err.name === 'AbortError' || err.name === 'TimeoutError')
          throw new MakeError(
            'ConnectionError',
            `Request timed out after ${req.timeoutMs} ms: ${req.method} ${req.url}`,
          );
        const code = err.cause?.code ?? '';
        throw new MakeError(
          'ConnectionError',
          `Request failed (${code || err.cause?.message || err.message}): ${req.method} ${req.url}`,
        );
      } finally {
        clearTimeout(timer);
      }
    }
  };
}

/** The response body, or a data-size error once it passes MAX_RESPONSE_BYTES (the download stops there). */
async function readCapped(res: Response, ctrl: AbortController, what: string): Promise<Buffer> {
  const tooLarge = () =>
    new MakeError(
      'DataSizeLimitExceededError',
      `Response larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MB; it was not read: ${what}`,
    );
  if (Number(res.headers.get('content-length')) > MAX_RESPONSE_BYTES) {
    ctrl.abort();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  for (let r = await reader?.read(); reader && r && !r.done; r = await reader.read()) {
    size += r.value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      ctrl.abort();
      throw tooLarge();
    }
    chunks.push(r.value);
  }
  return Buffer.concat(chunks, size);
}
