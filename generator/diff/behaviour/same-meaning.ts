import { isMakeCallback } from '../../simulate/redirect-uri.ts';

/** How a Make callback URL shows in compared requests: any of Make's is the one the student registered. */
const MAKE_CALLBACK = '(Make callback URL)';

/**
 * Request fields written differently with the same meaning at the API: a scope list in another
 * order, and whichever of Make's callback URLs the app registered and sends.
 */
export function sameMeaning(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === 'string' && k === 'scope')
      out[k] = v
        .split(/[\s,+]+/)
        .filter(Boolean)
        .sort()
        .join(' ');
    else if (typeof v === 'string' && isMakeCallback(v)) out[k] = MAKE_CALLBACK;
    else out[k] = v;
  }
  return out;
}

/** A connect step's granted `scopes` are a set: compared in one order. */
export function sameBundle(bundle: unknown): unknown {
  if (!bundle || typeof bundle !== 'object' || Array.isArray(bundle)) return bundle;
  const scopes = (bundle as Record<string, unknown>).scopes;
  if (!Array.isArray(scopes) || !scopes.every((s) => typeof s === 'string')) return bundle;
  return { ...bundle, scopes: [...scopes].sort() };
}
