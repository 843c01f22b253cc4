/**
 * Redaction before anything is written or printed: the paths a component lists in `log.sanitize`
 * (`request.headers.authorization`, `request.body.client_secret`, `response.body.access_token`, ...),
 * fields named like credentials (`redact-names.ts`), and every secret string the run knows (client
 * secret, tokens, codes, API keys) in any of its encodings, wherever it appears.
 */

import { isPlainObject, setOwn } from '../model/index.ts';
import { type KeptNames, REDACTED } from './redact-names.ts';

export { REDACTED } from './redact-names.ts';

/** Splits `request.headers.\`X-API-Key\`.x` into segments, honouring backticks. */
export function parseSanitizePath(path: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of path) {
    if (ch === '`') quoted = !quoted;
    else if (ch === '.' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.filter((s) => s !== '');
}

/** Sets every value at `segments` (case-insensitive keys) to REDACTED; returns true when one was found. */
function redactPath(target: unknown, segments: string[]): boolean {
  if (segments.length === 0 || (!isPlainObject(target) && !Array.isArray(target))) return false;
  const [head, ...rest] = segments;
  let hit = false;
  const obj = target as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (key.toLowerCase() !== head.toLowerCase()) continue;
    if (rest.length === 0) {
      if (obj[key] !== undefined) {
        obj[key] = Array.isArray(obj[key]) ? (obj[key] as unknown[]).map(() => REDACTED) : REDACTED;
        hit = true;
      }
    } else if (redactPath(obj[key], rest)) hit = true;
  }
  return hit;
}

/**
 * The base64 and base64url texts that appear wherever `secret` is embedded in base64-encoded data
 * (a Basic header, a JWT, a data URI), at each of the three byte alignments. Each is the part
 * of the encoding that depends on the secret alone; shorter ones would match by chance.
 */
function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const out: string[] = [];
  for (let skip = 0; skip < 3; skip++) {
    const whole = Math.floor((bytes.length - skip) / 3) * 3;
    if (whole < 9) continue;
    const core = bytes.subarray(skip, skip + whole);
    out.push(core.toString('base64'), core.toString('base64url'));
  }
  // The secret encoded on its own, padding included.
  out.push(bytes.toString('base64'), bytes.toString('base64url'));
  return out;
}

const MEMO_MAX_CHARS = 2048;
const MEMO_MAX_ENTRIES = 20_000;

/** Known secret strings; variants (URL-encoded, base64, Basic auth pair) are added with them. */
export class SecretSet {
  private readonly values = new Set<string>();
  /** `values` longest first, kept until the next `add` (redaction runs for every recorded string). */
  private sorted: string[] | undefined;
  /** The same as one alternation (longest first), so a string is scanned once, not once per secret. */
  private pattern: RegExp | undefined;
  /** Strings already scrubbed with the current secrets (and aliases) → their redacted text. */
  private readonly done = new Map<string, string>();
  private readonly aliases = new Map<string, string>();
  /** Field names redaction by name leaves visible (`--har-keep`), lower case. */
  readonly kept: KeptNames;

  constructor(keep: Iterable<string> = []) {
    this.kept = new Set([...keep].map((k) => k.toLowerCase()));
  }

  /**
   * Not a secret but run-specific (the webhook receiver's loopback origin): shown as `to`, so
   * recordings from different runs compare and replay equal.
   */
  alias(from: string, to: string): void {
    if (!from || from === to) return;
    this.aliases.set(from, to);
    this.done.clear();
  }

  add(secret: unknown): void {
    if (typeof secret !== 'string' || secret.length < 6 || secret === REDACTED) return;
    this.sorted = undefined;
    this.pattern = undefined;
    this.done.clear();
    this.values.add(secret);
    const enc = encodeURIComponent(secret);
    if (enc !== secret) this.values.add(enc);
    const form = enc.replace(/%20/g, '+');
    if (form !== enc) this.values.add(form);
    for (const b64 of base64Forms(secret)) if (b64.length >= 8) this.values.add(b64);
  }

  /** HTTP Basic credentials carry id:secret base64-encoded. */
  addBasicPair(id: string, secret: string): void {
    this.add(Buffer.from(`${id}:${secret}`).toString('base64'));
  }

  list(): string[] {
    // Longest first so a token that contains another secret is replaced whole.
    this.sorted ??= [...this.values].sort((a, b) => b.length - a.length);
    return this.sorted;
  }

  redactText(s: string): string {
    // Recordings repeat the same strings (keys, headers, ids) many times: each is scrubbed once.
    const known = this.done.get(s);
    if (known !== undefined) return known;
    let out = s;
    for (const [from, to] of this.aliases) if (out.includes(from)) out = out.split(from).join(to);
    const list = this.list();
    if (list.length > 0 && out.length >= list[list.length - 1]!.length) {
      this.pattern ??= new RegExp(list.map(escapeRegExp).join('|'), 'g');
      out = out.replace(this.pattern, REDACTED);
    }
    // Only short strings are remembered (keys, headers, ids repeat; bodies rarely do), in a bounded
    // map: a hostile server's many large bodies must not pile up in memory.
    if (s.length <= MEMO_MAX_CHARS) {
      if (this.done.size >= MEMO_MAX_ENTRIES) this.done.clear();
      this.done.set(s, out);
    }
    return out;
  }

  /** Deep copy with every string (and key) scrubbed. Buffers become `{binary: size}`. */
  redactDeep<T>(value: T): T {
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') return this.redactText(v);
      if (Buffer.isBuffer(v)) return { binary: v.length };
      if (v instanceof Date) return v.toISOString();
      if (Array.isArray(v)) return v.map(walk);
      if (isPlainObject(v)) {
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) setOwn(out, this.redactText(k), walk(x));
        return out;
      }
      return v;
    };
    return walk(value) as T;
  }
}

/**
 * Applies `log.sanitize` paths to one exchange view: `{request: {headers, body, qs}, response: {headers, body}}`.
 * The view's objects are modified in place.
 */
export function applySanitize(view: Record<string, unknown>, paths: string[]): void {
  for (const p of paths) {
    const segs = parseSanitizePath(p);
    if (segs.length < 2) continue;
    // `request.qs.x` and `request.query.x` both name the query string.
    if (segs[0].toLowerCase() === 'request' && segs[1].toLowerCase() === 'qs') segs[1] = 'query';
    redactPath(view, segs);
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
