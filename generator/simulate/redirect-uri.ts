/**
 * Which of Make's callback URLs an app's OAuth2 connection sends as `redirect_uri`, so the
 * embedded API registers that one (in the course each student registers their own redirect URL).
 * Make's family (make-iml.md §6): `oauth.redirectUri` (legacy integromat.com), `oauth.localRedirectUri`
 * (the instance's host), `oauth.makeRedirectUri` (www.make.com), or such a URL written literally.
 * Anything else is not registered, so an arbitrary foreign URL still fails as it would at the API.
 */
import type { AppModel } from '../model/app.ts';
import type { SimulatorSettings } from './settings.ts';

/** `https://<zone>.make.com/oauth/cb/<name>` and the legacy integromat.com host. */
const MAKE_CALLBACK = /^https:\/\/([a-z0-9-]+\.)*(make|integromat)\.com\/oauth\/cb\/[A-Za-z0-9_-]+$/;

export function isMakeCallback(url: string): boolean {
  return MAKE_CALLBACK.test(url);
}

export function appRedirectUri(
  app: AppModel,
  settings: Pick<SimulatorSettings, 'oauthRedirectUri' | 'oauthLocalRedirectUri' | 'oauthMakeRedirectUri'>,
): string | undefined {
  const variables: [RegExp, string][] = [
    [/\boauth\.localRedirectUri\b/, settings.oauthLocalRedirectUri],
    [/\boauth\.makeRedirectUri\b/, settings.oauthMakeRedirectUri],
    [/\boauth\.redirectUri\b/, settings.oauthRedirectUri],
  ];
  for (const conn of Object.values(app.components.connection)) {
    const comm = conn.codes.communication?.value;
    if (!comm || typeof comm !== 'object') continue;
    const sections = comm as Record<string, unknown>;
    // what authorize sends decides: token must repeat it
    for (const section of ['authorize', 'token']) {
      for (const s of strings(sections[section])) {
        if (!/redirect|oauth\./i.test(s) && !isMakeCallback(s)) continue;
        for (const [re, uri] of variables) if (re.test(s)) return uri;
        if (isMakeCallback(s.trim())) return s.trim();
      }
    }
  }
  return undefined;
}

/** Every string value inside `v` (keys excluded), depth-first, bounded. */
function strings(v: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 20 || out.length > 500) return out;
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out, depth + 1);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out, depth + 1);
  return out;
}
