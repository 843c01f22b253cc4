/**
 * The sections of an OAuth connection's communication (make-iml.md §4), in the order Make runs
 * them. Every stage (loader, rules, simulator, differ) reads them from here.
 */
export const OAUTH2_SECTIONS = [
  'preauthorize',
  'authorize',
  'token',
  'info',
  'refresh',
  'invalidate',
] as const;
export type OAuth2Section = (typeof OAUTH2_SECTIONS)[number];

/** OAuth 1.0 sections; `requestToken` runs where OAuth2's `preauthorize` does, `accessToken` where `token`. */
export const OAUTH1_SECTIONS = ['requestToken', 'accessToken'] as const;

export function isOAuth2Section(name: string): name is OAuth2Section {
  return (OAUTH2_SECTIONS as readonly string[]).includes(name);
}
