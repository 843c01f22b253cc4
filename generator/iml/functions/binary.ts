/** Buffers, encodings and hashing shared by the text and crypto functions. */
import { createHash, createHmac } from 'node:crypto';
import { BUFFER_ENCODINGS, DIGEST_ENCODINGS, isDigestEncoding } from '../../model/index.ts';
import { ImlEvalError } from '../errors.ts';
import { isBuffer, toText } from '../runtime/values.ts';

const ENCODINGS: ReadonlySet<string> = new Set(BUFFER_ENCODINGS);

export function encodingName(v: unknown, fallback: BufferEncoding): BufferEncoding {
  if (v === undefined || v === null || v === '') return fallback;
  const name = toText(v).toLowerCase();
  if (!ENCODINGS.has(name)) throw new ImlEvalError(`unknown encoding '${name}'`);
  return name as BufferEncoding;
}

/** Bytes of a value: buffers as they are, everything else as UTF-8 text (or the given encoding). */
export function bytes(v: unknown, encoding: BufferEncoding = 'utf8'): Buffer {
  if (isBuffer(v)) return Buffer.from(v);
  return Buffer.from(toText(v), encoding);
}

/**
 * `sha1/sha256/sha512(text, [encoding], [key], [keyEncoding])`: a digest, or an HMAC when a key is
 * given. keyEncoding: text (default), hex, base64, binary (binary needs a buffer key).
 */
export function digest(
  algorithm: string,
  data: unknown,
  encoding: unknown,
  key: unknown,
  keyEncoding: unknown,
): string {
  const enc =
    encoding === undefined || encoding === null || encoding === '' ? 'hex' : toText(encoding).toLowerCase();
  if (!isDigestEncoding(enc))
    throw new ImlEvalError(`unknown digest encoding '${enc}' (use ${DIGEST_ENCODINGS.join(', ')})`);
  const input = bytes(data);
  if (key === undefined || key === null || key === '')
    return createHash(algorithm)
      .update(input)
      .digest(enc as 'hex');
  const keyEnc =
    keyEncoding === undefined || keyEncoding === null || keyEncoding === ''
      ? 'text'
      : toText(keyEncoding).toLowerCase();
  let keyBytes: Buffer;
  if (keyEnc === 'text') keyBytes = bytes(key);
  else if (keyEnc === 'hex' || keyEnc === 'base64') keyBytes = Buffer.from(toText(key), keyEnc);
  else if (keyEnc === 'binary') {
    if (!isBuffer(key)) throw new ImlEvalError("keyEncoding 'binary' needs a binary (buffer) key");
    keyBytes = Buffer.from(key);
  } else throw new ImlEvalError(`unknown key encoding '${keyEnc}' (use text, hex, base64 or binary)`);
  return createHmac(algorithm, keyBytes)
    .update(input)
    .digest(enc as 'hex');
}
