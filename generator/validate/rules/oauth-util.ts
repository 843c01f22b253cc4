import type { ComponentFacts, RequestInfo } from '../analysis/index.ts';
import type { RuleContext } from '../types.ts';
import { getKey, isObject, ofKind, oauthSections } from './util.ts';

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
    if (hit) return { value: hit.value, pointer: `${r.pointer}/${where}/${hit.key.replace(/~/g, '~0').replace(/\//g, '~1')}`, where };
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

/** Pointer of the section key's value, for "this section lacks X" findings. */
export function sectionPointer(r: RequestInfo): string {
  return r.pointer;
}

export function responseData(r: RequestInfo): Record<string, unknown> | undefined {
  const resp = r.value.response;
  return isObject(resp) && isObject(resp.data) ? resp.data : undefined;
}
