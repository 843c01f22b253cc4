import { createHash, randomBytes } from 'node:crypto';

/**
 * Source of record ids and secrets. Deterministic mode derives every value from (seed, purpose,
 * counter) so two runs with the same seed produce the same ids and tokens; otherwise values are
 * cryptographically random.
 */
export interface IdSource {
  /** Lowercase hex string of `length` characters (records use 12, like the real API). */
  hex(purpose: string, length?: number): string;
  /** An opaque URL-safe secret with a readable prefix (`at_`, `rt_`, `ac_`, ...). */
  secret(prefix: string): string;
  /** Restart every purpose counter except the ones listed (used by reset()). */
  restart(keep?: string[]): void;
}

export function createIdSource(opts: { deterministic: boolean; seed: number }): IdSource {
  const counters = new Map<string, number>();
  const bytes = (purpose: string, n: number): Buffer => {
    if (!opts.deterministic) return randomBytes(n);
    const i = counters.get(purpose) ?? 0;
    counters.set(purpose, i + 1);
    const out: Buffer[] = [];
    for (let block = 0; out.length * 32 < n; block++) {
      out.push(createHash('sha256').update(`${opts.seed}:${purpose}:${i}:${block}`).digest());
    }
    return Buffer.concat(out).subarray(0, n);
  };
  return {
    hex: (purpose, length = 12) =>
      bytes(purpose, Math.ceil(length / 2))
        .toString('hex')
        .slice(0, length),
    secret: (prefix) => `${prefix}${bytes(`secret:${prefix}`, 24).toString('base64url')}`,
    restart: (keep = []) => {
      for (const key of [...counters.keys()]) if (!keep.some((k) => key.includes(k))) counters.delete(key);
    },
  };
}
