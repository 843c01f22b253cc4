import { ApiError } from './errors.ts';

/** The v2 scopes, in the order the consent page lists them. */
export const SCOPES = ['connect', 'read', 'write', 'delete'] as const;
export type Scope = (typeof SCOPES)[number];

export const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
  connect: 'Connect your account to the app (required)',
  read: 'Read your movies, people, organizations, genres, awards, files and custom fields',
  write: 'Create and change your movies, webhooks and uploads',
  delete: 'Delete your movies and webhooks',
};

export type ScopeParse = { ok: true; scopes: Scope[] } | { ok: false; message: string };

/**
 * Parses a requested scope list. Spaces separate scopes; commas are accepted too (model). Every
 * name must be known and `connect` must be present, as the docs require for authorize.
 */
export function parseScopeList(raw: string | null | undefined): ScopeParse {
  const names = (raw ?? '').split(/[\s,]+/).filter(Boolean);
  if (names.length === 0)
    return { ok: false, message: 'The scope parameter is missing; request at least "connect"' };
  const unknown = names.filter((n) => !(SCOPES as readonly string[]).includes(n));
  if (unknown.length) {
    return {
      ok: false,
      message: `Unknown scope ${unknown.map((u) => `"${u}"`).join(', ')}; known: ${SCOPES.join(', ')}`,
    };
  }
  if (!names.includes('connect')) return { ok: false, message: 'The "connect" scope must be requested' };
  return { ok: true, scopes: SCOPES.filter((s) => names.includes(s)) };
}

/** The scope a data call needs, by HTTP method (the docs' scope table). */
export function scopeForMethod(method: string): Scope {
  switch (method) {
    case 'GET':
    case 'HEAD':
      return 'read';
    case 'DELETE':
      return 'delete';
    default:
      return 'write';
  }
}

/** Refuses a v2 call whose token lacks the scope: 403 `Missing scope: <name>`. */
export function requireScope(granted: string[] | null, needed: Scope): void {
  if (granted === null) return; // v1 API key: no scopes
  if (!granted.includes(needed)) throw new ApiError(403, `Missing scope: ${needed}`);
}
