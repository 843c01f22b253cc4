/**
 * `jwt(payload, secret, [alg=HS256], [options])` like npm `jsonwebtoken` with `noTimestamp` on by
 * default (a third-party summary of Make's runtime). Algorithms HS256/384/512 (HMAC) and RS256/384/512
 * (PEM private key), as Make's developer docs list them.
 */

import { createHmac, sign } from 'node:crypto';
import { isPlainObject } from '../../model/index.ts';
import { ImlEvalError } from '../errors.ts';
import { isBuffer, primitive, toText } from '../runtime/values.ts';

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/** `expiresIn`/`notBefore`: seconds, or text like '2h', '30m', '7d'. */
function seconds(v: unknown, what: string): number {
  const p = primitive(v);
  if (typeof p === 'number') return p;
  const m = /^(\d+)\s*(s|m|h|d)?$/.exec(toText(p).trim());
  if (!m) throw new ImlEvalError(`jwt(): ${what} must be seconds or a span like '2h'`);
  return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[(m[2] ?? 's') as 's'];
}

export function jwt(
  payload: unknown,
  secret: unknown,
  algorithm: unknown,
  options: unknown,
  nowMs: number,
): string {
  const alg =
    algorithm === undefined || algorithm === null || algorithm === ''
      ? 'HS256'
      : toText(algorithm).toUpperCase();
  const m = /^(HS|RS)(256|384|512)$/.exec(alg);
  if (!m)
    throw new ImlEvalError(
      `jwt(): unsupported algorithm '${alg}' (HS256, HS384, HS512, RS256, RS384, RS512)`,
    );
  const opts = isPlainObject(options) ? options : {};
  const header: Record<string, unknown> = {
    alg,
    typ: 'JWT',
    ...(isPlainObject(opts.header) ? opts.header : {}),
  };
  if (opts.keyid !== undefined) header.kid = opts.keyid;
  let body: string;
  if (isPlainObject(payload)) {
    const claims: Record<string, unknown> = { ...payload };
    const now = Math.floor(nowMs / 1000);
    if (opts.noTimestamp === false && claims.iat === undefined) claims.iat = now;
    const iat = typeof claims.iat === 'number' ? claims.iat : now;
    if (opts.expiresIn !== undefined) claims.exp = iat + seconds(opts.expiresIn, 'expiresIn');
    if (opts.notBefore !== undefined) claims.nbf = iat + seconds(opts.notBefore, 'notBefore');
    for (const [opt, claim] of [
      ['audience', 'aud'],
      ['issuer', 'iss'],
      ['subject', 'sub'],
      ['jwtid', 'jti'],
    ] as const)
      if (opts[opt] !== undefined) claims[claim] = opts[opt];
    body = JSON.stringify(claims);
  } else body = toText(payload);
  const input = `${b64url(JSON.stringify(header))}.${b64url(body)}`;
  const hash = `sha${m[2]}`;
  let signature: Buffer;
  if (m[1] === 'HS')
    signature = createHmac(hash, isBuffer(secret) ? Buffer.from(secret) : toText(secret))
      .update(input)
      .digest();
  else {
    try {
      signature = sign(hash, Buffer.from(input), toText(secret));
    } catch (e) {
      throw new ImlEvalError(`jwt(): cannot sign with the given private key (${(e as Error).message})`);
    }
  }
  return `${input}.${b64url(signature)}`;
}
