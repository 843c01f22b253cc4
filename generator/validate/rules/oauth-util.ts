import { isObject } from '../../model/index.ts';
import { escapePointerSegment } from '../../model/location.ts';
import type { ComponentFacts, RequestInfo } from '../analysis/index.ts';
import type { RuleContext } from '../types.ts';
import { getKey, oauthSections, ofKind } from './util.ts';

export interface OAuthConnection {
  facts: ComponentFacts;
  sections: Map<string, RequestInfo>;
}

/** Every OAuth2 connection of the app with its sections. */
export function oauthConnections(ctx: RuleContext): OAuthConnection[] {
  return ofKind(ctx, 'connection')
    .map((facts) => ({ facts, sections: oauthSections(facts) }))
    .filter((c) => c.sections.size > 0);
}

/** A request parameter by name in body, qs or the url's query: its value and pointer. */
export function requestParam(
  r: RequestInfo,
  name: string,
): { value: unknown; pointer: string; where: 'body' | 'qs' | 'url' } | undefined {
  for (const where of ['body', 'qs'] as const) {
    const hit = getKey(r.value[where], name);
    if (hit)
      return {
        value: hit.value,
        pointer: `${r.pointer}/${where}/${escapePointerSegment(hit.key)}`,
        where,
      };
  }
  if (typeof r.url === 'string') {
    const m = new RegExp(`[?&]${name}=([^&#]*)`, 'i').exec(r.url);
    if (m) return { value: decodeURIComponentSafe(m[1]), pointer: `${r.pointer}/url`, where: 'url' };
  }
  return undefined;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function responseData(r: RequestInfo): Record<string, unknown> | undefined {
  const resp = r.value.response;
  return isObject(resp) && isObject(resp.data) ? resp.data : undefined;
}

/**
 * The key of a request's `response.data` that stores the refresh token: one whose IML reads
 * `body.refresh_token` (per the shared analysis), else one named like a refresh token.
 */
export function refreshTokenKey(ctx: RuleContext, r: RequestInfo): string | undefined {
  const data = responseData(r);
  if (!data) return undefined;
  for (const k of Object.keys(data)) {
    const reads = ctx.analysis.readsAt(r.code, `${r.pointer}/response/data/${escapePointerSegment(k)}`);
    if (reads.some((p) => p[0] === 'body' && p.length === 2 && /^refresh_?token$/i.test(p[1]))) return k;
  }
  return Object.keys(data).find((k) => /^refresh_?token$/i.test(k));
}
