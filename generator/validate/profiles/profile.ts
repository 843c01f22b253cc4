/**
 * An API profile: facts about the API an app talks to that rules need but cannot read from the app
 * (the unit of token lifetimes, which scope each HTTP method needs...).
 */
export type LifetimeUnit = 'seconds' | 'minutes' | 'hours';

export interface MethodScopeRule {
  /** HTTP method in upper case, or `*`. */
  method: string;
  /** Scope the request needs. */
  scope: string;
}

export interface ApiProfileDefinition {
  description?: string;
  /** Hosts whose URLs select this profile automatically (exact host names). */
  hosts?: string[];
  /** Unit of `expires_in` / `refresh_expires_in` in token responses; omit when unknown. */
  lifetimeUnit?: LifetimeUnit;
  /** Scope needed per HTTP method; empty when the API has no such convention. */
  methodScopes?: MethodScopeRule[];
  /** Paths (relative to the API base, e.g. `/info`) that need no method scope. */
  scopeFreePaths?: string[];
  /** Scope every authorization must include (e.g. `connect`). */
  requiredAuthorizeScope?: string;
  /** List endpoints (path prefixes relative to the API base) that answer everything in one page. */
  unpaginatedPaths?: string[];
  /** Every list endpoint pages (except `unpaginatedPaths`), so no other evidence of paging is needed. */
  paginatedLists?: boolean;
}

export interface ApiProfile
  extends Required<Omit<ApiProfileDefinition, 'lifetimeUnit' | 'requiredAuthorizeScope'>> {
  name: string;
  lifetimeUnit?: LifetimeUnit;
  requiredAuthorizeScope?: string;
}

export function defineProfile(name: string, def: ApiProfileDefinition): ApiProfile {
  return {
    name,
    description: def.description ?? '',
    hosts: def.hosts ?? [],
    lifetimeUnit: def.lifetimeUnit,
    methodScopes: (def.methodScopes ?? []).map((m) => ({ method: m.method.toUpperCase(), scope: m.scope })),
    scopeFreePaths: def.scopeFreePaths ?? [],
    unpaginatedPaths: def.unpaginatedPaths ?? [],
    paginatedLists: def.paginatedLists ?? false,
    requiredAuthorizeScope: def.requiredAuthorizeScope,
  };
}

/** The scope a request with this method and path needs under the profile, or undefined. */
export function scopeForRequest(
  profile: ApiProfile,
  method: string,
  path: string | undefined,
): string | undefined {
  if (path !== undefined) {
    const p = path.replace(/[?#].*$/, '').replace(/\/+$/, '');
    if (profile.scopeFreePaths.some((free) => p === free || p.endsWith(free))) return undefined;
  }
  const m = method.toUpperCase();
  return (
    profile.methodScopes.find((r) => r.method === m) ?? profile.methodScopes.find((r) => r.method === '*')
  )?.scope;
}

/** True when the profile says this list endpoint returns everything at once. */
export function isUnpaginated(profile: ApiProfile, path: string | undefined): boolean {
  if (path === undefined) return false;
  const p = path.replace(/[?#].*$/, '');
  return profile.unpaginatedPaths.some(
    (u) => p === u || p.startsWith(`${u}/`) || p.endsWith(u) || p.includes(`${u}/`),
  );
}
