/**
 * Turns evaluated request directives into the bytes on the wire (make-iml.md §3.2–§3.3):
 * URL encoding, query string, title-cased headers, and the body per `type`.
 */

import { getOwn, isPlainObject, setOwn } from '../model/index.ts';
import { MakeError } from './errors.ts';

export interface EvaluatedRequest {
  url: string;
  method: string;
  headers: Record<string, unknown>;
  qs: Record<string, unknown> | undefined;
  body: unknown;
  type: string;
  encodeUrl: boolean;
}

export interface BuiltRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** What the report shows as the request body. */
  recordedBody?: unknown;
  mimeType?: string;
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** `content-type` → `Content-Type`, `x-api-key` → `X-Api-Key` (how Make sends header names). */
export function titleCaseHeader(name: string): string {
  return name
    .split('-')
    .map((w) => (w ? w[0].toUpperCase() + w.slice(1).toLowerCase() : w))
    .join('-');
}

/** Scalar → text the way a query/header/form value is sent. */
function scalarText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (Buffer.isBuffer(v)) return v.toString('utf8');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Flattens `{a: [1,2], b: 'x'}` to pairs, dropping undefined values (they count as unmapped). */
function toPairs(obj: Record<string, unknown> | undefined): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(obj ?? {})) {
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      for (const item of v) if (item !== undefined) out.push([k, scalarText(item)]);
    } else out.push([k, scalarText(v)]);
  }
  return out;
}

function encodeQueryPairs(pairs: [string, string][]): string {
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

export function buildRequest(
  r: EvaluatedRequest,
  opts: { qsReplacesUrlQuery: boolean; boundarySeed: number },
): BuiltRequest {
  const method = String(r.method || 'GET').toUpperCase();
  if (!METHODS.has(method))
    throw new MakeError('InvalidConfigurationError', `Unsupported HTTP method: ${r.method}`);
  const [rawPath, ...rest] = r.url.split('?');
  let urlQuery = rest.join('?');
  const path = r.encodeUrl ? encodeURI(rawPath) : rawPath;
  if (r.qs !== undefined && opts.qsReplacesUrlQuery) urlQuery = '';
  const qsText = encodeQueryPairs(toPairs(r.qs));
  const query = [urlQuery, qsText].filter((s) => s !== '').join('&');
  const url = query ? `${path}?${query}` : path;

  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers ?? {})) {
    if (v === undefined) continue;
    setOwn(headers, titleCaseHeader(k), Array.isArray(v) ? v.map(scalarText).join(', ') : scalarText(v));
  }
  const built: BuiltRequest = { method, url, headers };
  if (method === 'GET' || r.body === undefined) return built;
  encodeBody(built, r.body, String(r.type || 'json').toLowerCase(), opts.boundarySeed);
  return built;
}

function setContentType(b: BuiltRequest, value: string): void {
  if (!Object.keys(b.headers).some((h) => h.toLowerCase() === 'content-type'))
    b.headers['Content-Type'] = value;
  b.mimeType = b.headers['Content-Type'] ?? value;
}

function encodeBody(b: BuiltRequest, body: unknown, type: string, seed: number): void {
  switch (type) {
    case 'json': {
      const text = JSON.stringify(body);
      if (text === undefined) return;
      b.body = Buffer.from(text);
      b.recordedBody = JSON.parse(text);
      setContentType(b, 'application/json');
      return;
    }
    case 'urlencoded': {
      const obj = isPlainObject(body) ? stripNulls(body) : {};
      const pairs = toPairs(obj);
      b.body = Buffer.from(encodeQueryPairs(pairs).replace(/%20/g, '+'));
      b.recordedBody = pairsToObject(pairs);
      setContentType(b, 'application/x-www-form-urlencoded');
      return;
    }
    case 'multipart/form-data': {
      const boundary = `----MakeAppSimulator${seed.toString(16).padStart(8, '0')}`;
      const { buffer, parts } = encodeMultipart(isPlainObject(body) ? stripNulls(body) : {}, boundary);
      b.body = buffer;
      b.recordedBody = { multipart: parts };
      setContentType(b, `multipart/form-data; boundary=${boundary}`);
      return;
    }
    case 'binary': {
      b.body = Buffer.isBuffer(body) ? body : Buffer.from(scalarText(body));
      b.recordedBody = { binary: b.body.length };
      setContentType(b, 'application/octet-stream');
      return;
    }
    case 'text':
    case 'string':
    case 'raw': {
      const text = scalarText(body);
      b.body = Buffer.from(text);
      b.recordedBody = text;
      setContentType(b, 'text/plain');
      return;
    }
    default:
      throw new MakeError('InvalidConfigurationError', `Unknown request type "${type}"`);
  }
}

function stripNulls(obj: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== null && v !== undefined));
}

export function pairsToObject(pairs: [string, string][]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of pairs) {
    const prev = getOwn(out, k) as string | string[] | undefined;
    setOwn(out, k, prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v]);
  }
  return out;
}

interface MultipartPartInfo {
  name: string;
  value?: string;
  filename?: string;
  contentType?: string;
  size?: number;
}

/** Multipart with a deterministic boundary (so HAR files and replays are stable). */
function encodeMultipart(
  fields: Record<string, unknown>,
  boundary: string,
): { buffer: Buffer; parts: MultipartPartInfo[] } {
  const chunks: Buffer[] = [];
  const parts: MultipartPartInfo[] = [];
  const add = (name: string, v: unknown) => {
    const file = fileOf(v);
    if (file) {
      const ct = file.contentType ?? 'application/octet-stream';
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${file.filename}"\r\nContent-Type: ${ct}\r\n\r\n`,
        ),
        file.data,
        Buffer.from('\r\n'),
      );
      parts.push({ name, filename: file.filename, contentType: ct, size: file.data.length });
      return;
    }
    const text = scalarText(v);
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${text}\r\n`),
    );
    parts.push({ name, value: text });
  };
  for (const [name, v] of Object.entries(fields)) {
    if (Array.isArray(v)) for (const item of v) add(name, item);
    else add(name, v);
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { buffer: Buffer.concat(chunks), parts };
}

/** `{value, options: {filename, contentType}}` or a Buffer is a file part. */
function fileOf(v: unknown): { data: Buffer; filename: string; contentType?: string } | undefined {
  if (Buffer.isBuffer(v)) return { data: v, filename: 'file' };
  if (!isPlainObject(v) || !('value' in v)) return undefined;
  const options = isPlainObject(v.options) ? v.options : {};
  const value = v.value;
  const data = Buffer.isBuffer(value)
    ? value
    : value instanceof Uint8Array
      ? Buffer.from(value)
      : Buffer.from(scalarText(value));
  return {
    data,
    filename: typeof options.filename === 'string' ? options.filename : 'file',
    ...(typeof options.contentType === 'string' ? { contentType: options.contentType } : {}),
  };
}
