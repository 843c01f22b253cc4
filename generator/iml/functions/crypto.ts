/** Signing functions provided by Make's app runtime (§11.6): JWT, private-key signatures, base64url. */
import { sign } from 'node:crypto';
import { isDigestEncoding } from '../../model/index.ts';
import { ImlEvalError } from '../errors.ts';
import { toText } from '../runtime/values.ts';
import { bytes } from './binary.ts';
import { type BuiltinFunction, fn } from './define.ts';
import { jwt } from './jwt.ts';

/**
 * Padded standard Base64 text. Make's PKCE example passes `sha256(verifier; "base64")` to
 * `base64url` and expects RFC 7636's challenge, so such text is converted, not re-encoded.
 */
const STANDARD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)$/;

const toBase64Url = (b64: string) => b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export const CRYPTO_FUNCTIONS: BuiltinFunction[] = [
  fn(
    'crypto',
    'jwt',
    '(payload: object | text, secret: text | buffer, algorithm?: text, options?: object): text',
    'a signed JSON Web Token (HS256 by default; HS256/384/512, RS256/384/512)',
    ([p, s, a, o], env) => jwt(p, s, a, o, env.now().getTime()),
  ),
  fn(
    'crypto',
    'cryptoSign',
    '(algorithm: text, data: text | buffer, privateKey: text, encoding?: text): text',
    'a signature of the data (e.g. RSA-SHA256), hex by default',
    ([a, d, k, e]) => {
      const encoding = e === undefined || e === null || e === '' ? 'hex' : toText(e);
      if (!isDigestEncoding(encoding)) throw new ImlEvalError(`cryptoSign(): unknown encoding '${encoding}'`);
      try {
        return sign(toText(a), bytes(d), toText(k)).toString(encoding);
      } catch (err) {
        throw new ImlEvalError(`cryptoSign(): cannot sign (${(err as Error).message})`);
      }
    },
  ),
  fn(
    'crypto',
    'base64url',
    '(value: text | buffer): text',
    'URL-safe Base64 without padding; Base64 text is re-alphabeted, not encoded again (the PKCE docs example)',
    ([t]) =>
      typeof t === 'string' && STANDARD_BASE64.test(t) ? toBase64Url(t) : bytes(t).toString('base64url'),
  ),
];
