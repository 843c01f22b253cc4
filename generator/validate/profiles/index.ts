import { academyV2Profile } from './academy-v2.ts';
import { genericProfile } from './generic.ts';
import { type ApiProfile, type ApiProfileDefinition, defineProfile } from './profile.ts';

export { academyV2Profile } from './academy-v2.ts';
export { genericProfile } from './generic.ts';
export type { ApiProfile, ApiProfileDefinition, LifetimeUnit, MethodScopeRule } from './profile.ts';
export { defineProfile, isUnpaginated, scopeForRequest } from './profile.ts';

const BUILTIN_PROFILES: ReadonlyMap<string, ApiProfile> = new Map(
  [academyV2Profile, genericProfile].map((p) => [p.name, p]),
);

export class UnknownProfileError extends Error {
  override name = 'UnknownProfileError';
}

/** All profiles: built-in ones, overridden or extended by the config file's definitions. */
function allProfiles(defined: Record<string, ApiProfileDefinition> = {}): Map<string, ApiProfile> {
  const out = new Map(BUILTIN_PROFILES);
  for (const [name, def] of Object.entries(defined)) out.set(name, defineProfile(name, def));
  return out;
}

/**
 * The profile to lint with: the named one, else the first whose hosts appear in the app's URLs,
 * else `generic`. Throws UnknownProfileError for a name no profile has.
 */
export function resolveProfile(
  urls: readonly string[],
  name?: string,
  defined?: Record<string, ApiProfileDefinition>,
): ApiProfile {
  const profiles = allProfiles(defined);
  if (name) {
    const p = profiles.get(name);
    if (!p)
      throw new UnknownProfileError(
        `unknown API profile "${name}" (known: ${[...profiles.keys()].join(', ')})`,
      );
    return p;
  }
  for (const p of profiles.values()) {
    if (p.hosts.length && urls.some((u) => p.hosts.some((h) => hostOf(u) === h))) return p;
  }
  return genericProfile;
}

function hostOf(url: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#{]+)/i.exec(url.trim());
  return m?.[1]?.toLowerCase();
}
