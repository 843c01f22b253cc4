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
const OAUTH1_RUNS_AS: Record<(typeof OAUTH1_SECTIONS)[number], OAuth2Section> = {
  requestToken: 'preauthorize',
  accessToken: 'token',
};

/** The sections that run while the user authorizes (before `info`): their presence marks an OAuth communication. */
export const AUTHORIZATION_SECTIONS = ['preauthorize', 'authorize', 'token', ...OAUTH1_SECTIONS] as const;

/** When a section runs in the connection flow (0 first), OAuth 1.0 names included; undefined for other keys. */
export function sectionRunOrder(name: string): number | undefined {
  const oauth2 = Object.hasOwn(OAUTH1_RUNS_AS, name)
    ? OAUTH1_RUNS_AS[name as keyof typeof OAUTH1_RUNS_AS]
    : name;
  const at = (OAUTH2_SECTIONS as readonly string[]).indexOf(oauth2);
  return at < 0 ? undefined : at;
}

export function isOAuth2Section(name: string): name is OAuth2Section {
  return (OAUTH2_SECTIONS as readonly string[]).includes(name);
}
