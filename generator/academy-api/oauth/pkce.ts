import { createHash } from 'node:crypto';

/** RFC 7636 code challenge as sent to the authorize endpoint. */
export interface PkceChallenge {
  challenge: string;
  method: 'S256' | 'plain';
}

// §4.1/§4.2: verifier and challenge are 43–128 unreserved characters.
const UNRESERVED_43_128 = /^[A-Za-z0-9\-._~]{43,128}$/;

/**
 * Reads `code_challenge` / `code_challenge_method` of an authorize request: null when no
 * challenge was sent, a problem message when it is malformed, the challenge otherwise.
 * A missing method means `plain` (§4.3).
 */
export function readPkceChallenge(
  challenge: string | undefined,
  method: string | undefined,
): PkceChallenge | { problem: string } | null {
  if (challenge === undefined || challenge === '') {
    return method ? { problem: 'code_challenge_method was sent without code_challenge' } : null;
  }
  const m = method === undefined || method === '' ? 'plain' : method;
  if (m !== 'S256' && m !== 'plain')
    return { problem: `code_challenge_method "${m}" is not supported; use "S256" (or "plain")` };
  if (!UNRESERVED_43_128.test(challenge))
    return { problem: 'code_challenge must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~' };
  return { challenge, method: m };
}

/** Why `verifier` does not prove the challenge (RFC 7636 §4.6), or null when it does. */
export function pkceVerifierProblem(expected: PkceChallenge | null, verifier: unknown): string | null {
  if (expected === null) {
    // The Security BCP: a verifier for a code obtained without a challenge is refused.
    return verifier === undefined ? null : 'code_verifier sent, but no code_challenge was sent at authorize';
  }
  if (typeof verifier !== 'string' || verifier === '')
    return 'code_verifier is required: a code_challenge was sent at authorize';
  if (!UNRESERVED_43_128.test(verifier))
    return 'code_verifier must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~';
  const derived =
    expected.method === 'S256'
      ? createHash('sha256').update(verifier, 'ascii').digest('base64url')
      : verifier;
  return derived === expected.challenge ? null : 'code_verifier does not match the code_challenge';
}
