/**
 * Keeps every HTTP exchange of a run and turns it, redacted, into report records and a HAR 1.2 log.
 * Nothing leaves this module unredacted: views are built from a deep copy, sanitized by the
 * component's `log.sanitize` paths, redacted by field name, then scrubbed of every secret the run
 * knows.
 */

import { isPlainObject, setOwn } from '../model/index.ts';
import { applySanitize, type SecretSet } from './redact.ts';
import { redactByName, redactMultipartText } from './redact-names.ts';
import { pairsToObject } from './request-builder.ts';
import type { RequestRecord } from './types.ts';

export interface ExchangeMeta {
  scenario: string;
  step: number;
  component: string;
  pointer: string;
  /** IML inputs that produced the request (parameters, and for connections the query/temp used). */
  inputs?: unknown;
  /** `incoming`: a webhook delivery the API sent to the simulator's receiver. */
  direction?: 'outgoing' | 'incoming';
}

export interface Exchange {
  startedMs: number;
  durationMs: number;
  request: { method: string; url: string; headers: Record<string, string>; body?: Buffer; mimeType?: string };
  response?: { status: number; statusText: string; headers: Record<string, string>; body: Buffer };
  networkError?: string;
  meta: ExchangeMeta;
  sanitize: string[];
}

/** A redacted, JSON-only picture of one exchange. */
export interface ExchangeView {
  method: string;
  url: string;
  query: Record<string, string | string[]>;
  requestHeaders: Record<string, string>;
  requestMime?: string;
  requestBody?: unknown;
  requestBodyText?: string;
  status?: number;
  statusText?: string;
  responseHeaders: Record<string, string>;
  responseMime?: string;
  responseBody?: unknown;
  responseText?: string;
  responseEncoding?: 'base64';
  responseSize: number;
  networkError?: string;
}

function isTextual(mime: string | undefined): boolean {
  if (!mime) return true;
  const m = mime.toLowerCase();
  return /json|text\/|xml|x-www-form-urlencoded|javascript/.test(m);
}

function parseText(mime: string | undefined, text: string): unknown {
  const m = (mime ?? '').toLowerCase();
  if (m.includes('json') || (!m && /^[[{]/.test(text.trim()))) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  if (m.includes('x-www-form-urlencoded')) return pairsToObject([...new URLSearchParams(text)]);
  return text;
}

function serialize(mime: string | undefined, body: unknown): string {
  if (typeof body === 'string') return body;
  if ((mime ?? '').toLowerCase().includes('x-www-form-urlencoded') && isPlainObject(body)) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(body))
      for (const x of Array.isArray(v) ? v : [v]) p.append(k, String(x));
    return p.toString();
  }
  return JSON.stringify(body);
}

export function viewOf(ex: Exchange, secrets: SecretSet): ExchangeView {
  const [path, ...q] = ex.request.url.split('?');
  const query = pairsToObject([...new URLSearchParams(q.join('?'))]);
  const reqMime =
    ex.request.mimeType ?? ex.request.headers['Content-Type'] ?? ex.request.headers['content-type'];
  const multipart = (reqMime ?? '').startsWith('multipart/');
  let requestBody: unknown;
  if (ex.request.body?.length) {
    if (multipart) requestBody = describeMultipart(ex.request.body, reqMime!);
    else if (isTextual(reqMime)) requestBody = parseText(reqMime, ex.request.body.toString('utf8'));
    else requestBody = { binary: ex.request.body.length };
  }
  const resMime = ex.response?.headers['content-type'];
  const resTextual = isTextual(resMime);
  let responseBody: unknown;
  if (ex.response?.body.length)
    responseBody = resTextual ? parseText(resMime, ex.response.body.toString('utf8')) : undefined;

  const view = {
    request: {
      headers: { ...ex.request.headers },
      query: structuredClone(query),
      body: structuredClone(requestBody),
    },
    response: { headers: { ...(ex.response?.headers ?? {}) }, body: structuredClone(responseBody) },
  };
  applySanitize(view as unknown as Record<string, unknown>, ex.sanitize);
  // Values found under credential names become known secrets first, so they go everywhere else too.
  const learn = (v: string) => secrets.add(v);
  const r = secrets.redactDeep(redactByName(view, secrets.kept, learn));
  const url = secrets.redactText(path);
  const out: ExchangeView = {
    method: ex.request.method,
    url,
    query: r.request.query,
    requestHeaders: r.request.headers,
    responseHeaders: r.response.headers,
    responseSize: ex.response?.body.length ?? 0,
  };
  if (reqMime) out.requestMime = reqMime;
  if (r.request.body !== undefined) {
    out.requestBody = r.request.body;
    out.requestBodyText = multipart
      ? secrets.redactText(redactMultipartText(ex.request.body!.toString('latin1'), secrets.kept, learn))
      : serialize(reqMime, r.request.body);
  }
  if (ex.response) {
    out.status = ex.response.status;
    out.statusText = ex.response.statusText;
    if (resMime) out.responseMime = resMime;
    if (r.response.body !== undefined) {
      out.responseBody = r.response.body;
      out.responseText = serialize(resMime, r.response.body);
    } else if (ex.response.body.length && !resTextual) {
      out.responseText = ex.response.body.toString('base64');
      out.responseEncoding = 'base64';
    }
  }
  if (ex.networkError) out.networkError = secrets.redactText(ex.networkError);
  return out;
}

function describeMultipart(body: Buffer, mime: string): unknown {
  const boundary = /boundary=([^;]+)/.exec(mime)?.[1];
  if (!boundary) return { binary: body.length };
  const parts: Record<string, unknown>[] = [];
  for (const raw of body.toString('latin1').split(`--${boundary}`)) {
    const m =
      /Content-Disposition: form-data; name="([^"]*)"(?:; filename="([^"]*)")?(?:\r\nContent-Type: ([^\r\n]*))?\r\n\r\n([\s\S]*)\r\n$/.exec(
        raw.replace(/^\r\n/, ''),
      );
    if (!m) continue;
    parts.push(
      m[2] !== undefined
        ? { name: m[1], filename: m[2], contentType: m[3], size: Buffer.byteLength(m[4], 'latin1') }
        : { name: m[1], value: Buffer.from(m[4], 'latin1').toString('utf8') },
    );
  }
  return { multipart: parts };
}

/** The same exchange without its bodies (when they are too deep to process). */
export function withoutBodies(ex: Exchange): Exchange {
  return {
    ...ex,
    request: { ...ex.request, body: undefined },
    ...(ex.response ? { response: { ...ex.response, body: Buffer.from('[body not recordable]') } } : {}),
  };
}

function safeView(ex: Exchange, secrets: SecretSet): ExchangeView {
  try {
    return viewOf(ex, secrets);
  } catch {
    return viewOf(withoutBodies(ex), secrets);
  }
}

export function toRequestRecord(ex: Exchange, secrets: SecretSet): RequestRecord {
  const v = safeView(ex, secrets);
  const headers: Record<string, string> = {};
  for (const [k, val] of Object.entries(v.requestHeaders)) setOwn(headers, k.toLowerCase(), val);
  const rec: RequestRecord = {
    component: ex.meta.component,
    pointer: ex.meta.pointer,
    method: v.method,
    url: v.url,
    query: v.query,
    headers,
  };
  if (v.requestBody !== undefined) rec.body = v.requestBody;
  if (v.status !== undefined) rec.status = v.status;
  if (v.responseBody !== undefined) rec.responseBody = truncate(v.responseBody);
  else if (v.responseEncoding) rec.responseBody = { binary: v.responseSize };
  if (v.networkError) rec.networkError = v.networkError;
  return rec;
}

function truncate(v: unknown): unknown {
  return typeof v === 'string' && v.length > 4000 ? `${v.slice(0, 4000)}… (${v.length} chars)` : v;
}

/** Everything a run records; the HAR and report are derived from it at the end. */
export class Recorder {
  readonly exchanges: Exchange[] = [];
  constructor(readonly secrets: SecretSet) {}
  add(ex: Exchange): void {
    this.exchanges.push(ex);
  }
}
