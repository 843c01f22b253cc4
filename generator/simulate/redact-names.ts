/**
 * Redaction by name: headers, query and form fields and JSON keys whose name says they carry a
 * credential are replaced whatever their value, so a secret the simulator never learned (a
 * token a hostile server invents, a password typed into a parameter) still never reaches a HAR.
 */
import { isPlainObject } from '../model/index.ts';

export const REDACTED = '[REDACTED]';

/** Whole names (lower case, `-`, `_`, `.` and spaces removed) that always carry a credential. */
const SECRET_NAMES = new Set([
  'authorization',
  'proxyauthorization',
  'cookie',
  'setcookie',
  'password',
  'passwd',
  'pwd',
  'passphrase',
  'token',
  'secret',
  'apikey',
  'privatekey',
  'sessionid',
  'signature',
]);

/** Suffixes of such names: access_token, id_token, client_secret, x-api-key, userPassword... */
const SECRET_SUFFIX = /(token|secret|password|passwd|apikey|privatekey|sessionid)$/;

/** Names that end like a credential but hold none (a page cursor, the token type). */
const NOT_SECRET = /(page|cursor)token$|^tokentype$/;

/**
 * True when a header, field or key named `name` holds a credential: the names above, any name
 * containing `secret` or `password`, and header-style names ending in `-key` or `-token`.
 */
function isSecretName(name: string): boolean {
  const lower = name.toLowerCase();
  if (/-(key|token)$/.test(lower)) return true;
  const n = lower.replace(/[-_.\s]/g, '');
  if (NOT_SECRET.test(n)) return false;
  return SECRET_NAMES.has(n) || SECRET_SUFFIX.test(n) || n.includes('secret') || n.includes('password');
}

/** Called with each credential value redaction by name removes, so it is scrubbed everywhere else too. */
export type Learn = (secret: string) => void;

/** The credential inside an Authorization value: the part after the scheme, and a Basic password. */
function learnAuthorization(value: string, learn: Learn): void {
  const m = /^([A-Za-z][\w-]*)\s+(\S+)\s*$/.exec(value);
  if (!m) {
    learn(value);
    return;
  }
  learn(m[2]!);
  if (m[1]!.toLowerCase() !== 'basic') return;
  const decoded = Buffer.from(m[2]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon >= 0) learn(decoded.slice(colon + 1));
}

/** The redacted form of a value: the auth scheme and cookie names stay readable, values never. */
function redactedValue(name: string, value: unknown, learn: Learn): unknown {
  if (Array.isArray(value)) return value.map((v) => redactedValue(name, v, learn));
  if (typeof value !== 'string') return REDACTED;
  const n = name.toLowerCase();
  if (n === 'authorization' || n === 'proxy-authorization') {
    learnAuthorization(value, learn);
    const scheme = /^([A-Za-z][\w-]*)\s+\S/.exec(value)?.[1];
    return scheme ? `${scheme} ${REDACTED}` : REDACTED;
  }
  if (n === 'cookie')
    return value
      .split(';')
      .map((pair) => {
        const eq = pair.indexOf('=');
        learn(pair.slice(eq + 1).trim());
        return `${pair.slice(0, Math.max(eq, 0)).trim()}=${REDACTED}`;
      })
      .join('; ');
  if (n === 'set-cookie')
    return value
      .split('\n')
      .map((line) =>
        line.replace(/^([^=;]*)=([^;]*)/, (_, cookie: string, v: string) => {
          learn(v.trim());
          return `${cookie}=${REDACTED}`;
        }),
      )
      .join('\n');
  learn(value);
  return REDACTED;
}

/** Names kept visible on request (`--har-keep`), compared case-insensitively. */
export type KeptNames = ReadonlySet<string>;

/**
 * Deep copy of `value` where every property with a secret name (not kept) is redacted, each value
 * removed passed to `learn`. URLs in a `location` value have their secret query parameters
 * redacted too. Keys are own properties only.
 */
export function redactByName<T>(value: T, keep: KeptNames, learn: Learn = () => {}): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!isPlainObject(v)) return v;
    const out: Record<string, unknown> = {};
    // A `{name, value}` pair (a multipart field, a HAR-style header) is named by its `name`.
    const pairName = typeof v.name === 'string' && 'value' in v ? v.name : undefined;
    for (const [k, x] of Object.entries(v)) {
      const name = k === 'value' && pairName !== undefined ? pairName : k;
      const kept = keep.has(name.toLowerCase());
      if (!kept && isSecretName(name)) out[k] = redactedValue(name, x, learn);
      else if (!kept && k.toLowerCase() === 'location' && typeof x === 'string')
        out[k] = redactUrlQuery(x, keep, learn);
      else out[k] = walk(x);
    }
    return out;
  };
  return walk(value) as T;
}

/** A URL (absolute or relative) with the values of secret-named query and fragment parameters redacted. */
function redactUrlQuery(url: string, keep: KeptNames, learn: Learn = () => {}): string {
  return url.replace(/([?&#])([^=&#]+)=([^&#]*)/g, (whole, sep: string, name: string, value: string) => {
    let decoded = name;
    try {
      decoded = decodeURIComponent(name.replace(/\+/g, ' '));
    } catch {
      // keep the raw name
    }
    if (keep.has(decoded.toLowerCase()) || !isSecretName(decoded)) return whole;
    learn(value);
    return `${sep}${name}=${REDACTED}`;
  });
}

/** A raw multipart body with the values of secret-named (non-file) parts redacted. */
export function redactMultipartText(text: string, keep: KeptNames, learn: Learn = () => {}): string {
  return text.replace(
    /(Content-Disposition: form-data; name="([^"]*)"(?![^\r\n]*filename=)[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n)([\s\S]*?)(?=\r\n--)/gi,
    (whole, head: string, name: string, value: string) => {
      if (keep.has(name.toLowerCase()) || !isSecretName(name)) return whole;
      learn(value);
      return `${head}${REDACTED}`;
    },
  );
}
