import type { IncomingMessage } from 'node:http';
import { ApiError } from './errors.ts';

/** Largest request body the server reads (the model's 1 MiB). */
export const BODY_LIMIT_BYTES = 1024 * 1024;
/** Past this many discarded bytes an oversized upload is cut off instead of drained. */
const DRAIN_LIMIT_BYTES = 16 * BODY_LIMIT_BYTES;

/** The media type without parameters, lower-cased ('' when absent). */
export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Reads the whole body, refusing more than `limit` bytes with 413. An oversized body is drained
 * (up to a bound) before answering, so the client sees the 413 instead of a reset connection.
 */
export function readBody(req: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = Number.isFinite(declared) && declared > limit;
    const tooLarge = () =>
      new ApiError(413, `Request body is larger than the ${limit} byte limit`, undefined, {
        connection: 'close',
      });
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooBig = true;
      if (tooBig) {
        chunks.length = 0;
        if (size > DRAIN_LIMIT_BYTES) {
          reject(tooLarge());
          req.pause();
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => (tooBig ? reject(tooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', (e) => reject(new ApiError(400, `Could not read the request body: ${e.message}`)));
  });
}

/** Parses JSON text, turning a syntax error into a 400 that says where the problem is. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new ApiError(400, `Malformed JSON body: ${detail}`);
  }
}

/** Parses `a=1&b=2` into an object; a repeated key keeps its last value. */
function parseForm(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(text)) out[k] = v;
  return out;
}

export type BodyKind = 'json' | 'form';

/**
 * Reads a body that must be one of the accepted kinds. An empty body with no content type is an
 * empty object (e.g. POST /refresh with credentials only in the Basic header is still refused
 * later for the missing token, with a clear message).
 */
export async function readStructuredBody(
  req: IncomingMessage,
  accept: BodyKind[],
): Promise<{ kind: BodyKind | 'empty'; value: unknown }> {
  const type = mediaType(req);
  const raw = await readBody(req);
  if (raw.length === 0 && type === '') return { kind: 'empty', value: {} };
  const names = accept.map((k) => (k === 'json' ? 'application/json' : 'application/x-www-form-urlencoded'));
  if (type === 'application/json' && accept.includes('json')) {
    const text = raw.toString('utf8');
    if (text.trim() === '') throw new ApiError(400, 'The JSON body is empty');
    return { kind: 'json', value: parseJson(text) };
  }
  if (type === 'application/x-www-form-urlencoded' && accept.includes('form')) {
    return { kind: 'form', value: parseForm(raw.toString('utf8')) };
  }
  throw new ApiError(
    415,
    `Unsupported content type ${type ? `"${type}"` : '(none)'}; send ${names.join(' or ')}`,
  );
}

/** A JSON object body (data endpoints): arrays, strings and null are refused with 400. */
export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const { value } = await readStructuredBody(req, ['json']);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ApiError(400, 'The JSON body must be an object');
  }
  return value as Record<string, unknown>;
}
