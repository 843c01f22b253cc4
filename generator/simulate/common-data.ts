/**
 * Supplies common data (client id and secret) from the API's registration, because an exported app
 * does not carry them. The app's own `common` keys may be named anything: the keys its IML reads
 * (`common.clientId`, `common.client_secret`, ...) are classified by name and filled.
 */
import { analyzeValue } from '../iml/index.ts';
import { isObject, setOwn } from '../model/index.ts';

export interface Registration {
  clientId?: string;
  clientSecret?: string;
  redirectUri?: string;
  apiKey?: string;
}

/** Every `common.<key>` the given IML documents read. */
export function commonKeysRead(...docs: unknown[]): string[] {
  const keys = new Set<string>();
  for (const doc of docs) {
    if (doc === undefined) continue;
    for (const a of analyzeValue(doc))
      for (const v of a.variables) if (v.path[0] === 'common' && v.path[1]) keys.add(v.path[1]);
  }
  return [...keys].sort();
}

export function classifyCommonKey(key: string): keyof Registration | undefined {
  const k = key.toLowerCase().replace(/[^a-z]/g, '');
  if (/secret/.test(k)) return 'clientSecret';
  if (/apikey|token/.test(k)) return 'apiKey';
  if (/redirect|callback/.test(k)) return 'redirectUri';
  if (/clientid|appid|^id$|consumerkey|key$|client$/.test(k)) return 'clientId';
  return undefined;
}

/** The app's common object with id-like and secret-like keys filled from the registration; overrides win. */
export function fillCommon(
  own: unknown,
  keysRead: string[],
  reg: Registration,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = isObject(own) ? { ...own } : {};
  for (const key of new Set([...keysRead, ...Object.keys(out)])) {
    const kind = classifyCommonKey(key);
    if (kind && reg[kind] !== undefined) setOwn(out, key, reg[kind]);
  }
  return { ...out, ...overrides };
}
