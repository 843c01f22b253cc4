/**
 * Connection lifecycle driven by the connection's own sections (make-iml.md §6):
 * OAuth2 preauthorize → authorize (consent page played as a browser) → callback query → token → info;
 * refresh before each use when its condition holds; expiry forces re-authorization; invalidate on delete.
 * Basic connections run their single validation request.
 */

import type { ImlContext } from '../iml/api.ts';
import { assignOwn, isPlainObject, setOwn } from '../model/index.ts';
import { authorizeInBrowser, type ConnectOptions } from './authorize.ts';
import type { Spec } from './base-merge.ts';
import { classifyCommonKey, commonKeysRead, fillCommon } from './common-data.ts';
import { deepMerge } from './deep-merge.ts';
import { MakeError, toMakeError } from './errors.ts';
import type { ExecResult } from './exec-types.ts';
import { execute } from './executor.ts';
import { invalidError } from './response.ts';
import { type ConnectionState, findComponent, type Runtime } from './runtime.ts';

/** Keys whose string values are credentials (token_type, expires_in and the like are not). */
const SECRET_KEY = /(access|refresh|id|auth)_?token|^token$|secret|password|api_?key|^(auth_?)?code$/i;

/** Registers every secret-looking string under an object (tokens from a token response, ...). */
export function collectSecrets(rt: Runtime, value: unknown, depth = 0): void {
  if (depth > 6 || !isPlainObject(value)) return;
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' && SECRET_KEY.test(k)) rt.secrets.add(v);
    else if (isPlainObject(v)) collectSecrets(rt, v, depth + 1);
  }
}

function sections(rt: Runtime, name: string): Spec {
  const c = findComponent(rt, 'connection', name);
  const v = c.codes.communication?.value;
  return isPlainObject(v) ? v : {};
}

/** Default requested scope: the connection's default scope plus every scope a module of the app declares. */
function defaultScopes(rt: Runtime, name: string): string[] {
  const c = findComponent(rt, 'connection', name);
  const out = new Set<string>();
  const def = c.codes.defaultScope?.value;
  if (Array.isArray(def)) for (const s of def) if (typeof s === 'string') out.add(s);
  for (const m of [...Object.values(rt.app.components.module), ...Object.values(rt.app.components.webhook)]) {
    if (m.connection !== name && m.connection !== undefined && m.connection !== null) continue;
    const sc = m.codes.scope?.value;
    if (Array.isArray(sc)) for (const s of sc) if (typeof s === 'string') out.add(s);
  }
  return [...out];
}

function connectionCtx(
  rt: Runtime,
  st: ConnectionState,
  temp: Record<string, unknown>,
  extra: ImlContext = {},
): ImlContext {
  return {
    parameters: st.parameters,
    common: st.common,
    data: st.data,
    connection: st.data,
    temp,
    oauth: {
      scope: st.scopes,
      redirectUri: rt.settings.oauthRedirectUri,
      localRedirectUri: rt.settings.oauthLocalRedirectUri,
      makeRedirectUri: rt.settings.oauthMakeRedirectUri,
    },
    ...extra,
  };
}

async function runSection(
  rt: Runtime,
  st: ConnectionState,
  section: string,
  spec: unknown,
  ctx: ImlContext,
): Promise<ExecResult> {
  const res = await execute(
    rt.env,
    {
      component: `connections.${st.name}`,
      pointer: `connections.${st.name}.${section}`,
      role: 'connection',
      inputs: { parameters: st.parameters },
    },
    spec,
    ctx,
  );
  collectSecrets(rt, res.lastCtx?.body);
  collectSecrets(rt, res.data);
  deepMerge(st.data, res.data);
  if (res.expires !== undefined) st.expires = toMs(res.expires);
  if (res.metadata !== undefined) st.metadata = res.metadata;
  if (res.uid !== undefined) st.uid = res.uid;
  return res;
}

function toMs(v: unknown): number | undefined {
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v) {
    const t = Date.parse(v);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

export async function connect(rt: Runtime, name: string, opts: ConnectOptions): Promise<ConnectionState> {
  const comp = findComponent(rt, 'connection', name);
  const comm = comp.codes.communication?.value;
  const type =
    comp.connectionType === 'oauth' || (isPlainObject(comm) && ('authorize' in comm || 'token' in comm))
      ? 'oauth'
      : 'basic';
  const ownCommon = comp.codes.common?.value;
  const st: ConnectionState = {
    name,
    type,
    data: {},
    scopes: opts.scopes ?? defaultScopes(rt, name),
    common: fillCommon(ownCommon, commonKeysRead(comm), rt.registration, rt.commonOverrides),
    parameters: {
      ...defaultConnectionParameters(rt, comp.codes.params?.value, type),
      ...(opts.parameters ?? {}),
    },
  };
  // Secret-like common values (the registration's or an override) are never recorded.
  for (const [k, v] of Object.entries(st.common)) {
    const kind = classifyCommonKey(k);
    if (kind === 'clientSecret' || kind === 'apiKey' || SECRET_KEY.test(k)) rt.secrets.add(v);
  }
  rt.secrets.add(rt.registration.clientSecret);
  rt.secrets.add(rt.registration.apiKey);
  if (rt.registration.clientId && rt.registration.clientSecret)
    rt.secrets.addBasicPair(rt.registration.clientId, rt.registration.clientSecret);
  for (const [k, v] of Object.entries(st.parameters))
    if (SECRET_KEY.test(k) && typeof v === 'string') rt.secrets.add(v);
  // Parameter values form the connection's data store (make-iml.md §6.1).
  assignOwn(st.data, st.parameters);
  rt.connections.delete(name);
  rt.connectionHistory.set(name, 'failed'); // until the flow below completes
  if (type === 'basic') {
    await runSection(rt, st, 'communication', comm, connectionCtx(rt, st, {}));
  } else {
    await oauthFlow(rt, st, isPlainObject(comm) ? comm : {}, opts);
  }
  rt.connections.set(name, st);
  rt.connectionHistory.set(name, 'connected');
  return st;
}

/**
 * Fills the parameters a user types when creating the connection, as a student would: an API key
 * for a basic connection; for OAuth2, the client ID and secret (often under advanced settings)
 * from the registration, recognised by name like common data.
 */
function defaultConnectionParameters(
  rt: Runtime,
  params: unknown,
  type: 'oauth' | 'basic',
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!Array.isArray(params)) return out;
  for (const p of params) {
    if (!isPlainObject(p) || typeof p.name !== 'string') continue;
    const kind = type === 'oauth' ? classifyCommonKey(p.name) : undefined;
    const typed = kind && kind !== 'apiKey' ? rt.registration[kind] : undefined;
    if (typed !== undefined) setOwn(out, p.name, typed);
    else if (/api.?key|token|key$/i.test(p.name) && rt.registration.apiKey)
      setOwn(out, p.name, rt.registration.apiKey);
    else if (p.default !== undefined) setOwn(out, p.name, p.default);
  }
  return out;
}

async function oauthFlow(rt: Runtime, st: ConnectionState, comm: Spec, opts: ConnectOptions): Promise<void> {
  const temp: Record<string, unknown> = {};
  const state = `st${Math.floor(rt.env.nextSeed()).toString(36)}`;
  let query: Record<string, unknown> = {};
  if (comm.preauthorize !== undefined)
    await runSection(rt, st, 'preauthorize', comm.preauthorize, connectionCtx(rt, st, temp));
  if (isPlainObject(comm.authorize)) {
    query = await authorizeInBrowser(
      rt,
      st,
      comm.authorize,
      connectionCtx(rt, st, temp, { oauth: { ...oauthVars(rt, st), state } }),
      opts,
      state,
    );
    // The callback runs authorize.response with the query: temp, valid/error, data, expires.
    const resp = isPlainObject(comm.authorize.response) ? comm.authorize.response : {};
    const ctx = connectionCtx(rt, st, temp, { query });
    const ev = (v: unknown, c: ImlContext) => rt.env.iml.eval(v, c);
    if (resp.temp !== undefined) deepMerge(temp, ev(resp.temp, ctx));
    if (resp.valid !== undefined) {
      const ok = isPlainObject(resp.valid) ? ev(resp.valid.condition, ctx) : ev(resp.valid, ctx);
      if (!ok) throw invalidError(resp.valid, resp.error, 302, ctx, ev);
    } else if (query.error !== undefined) {
      throw new MakeError(
        'AccountValidationError',
        `Authorization failed: ${String(query['error.message'] ?? query.error_description ?? query.error)}`,
      );
    }
    if (resp.data !== undefined) deepMerge(st.data, ev(resp.data, ctx));
    if (resp.expires !== undefined) st.expires = toMs(ev(resp.expires, ctx));
  }
  if (comm.token !== undefined)
    await runSection(rt, st, 'token', comm.token, connectionCtx(rt, st, temp, { query }));
  if (comm.info !== undefined)
    await runSection(rt, st, 'info', comm.info, connectionCtx(rt, st, temp, { query }));
}

function oauthVars(rt: Runtime, st: ConnectionState): Record<string, unknown> {
  return {
    scope: st.scopes,
    redirectUri: rt.settings.oauthRedirectUri,
    localRedirectUri: rt.settings.oauthLocalRedirectUri,
    makeRedirectUri: rt.settings.oauthMakeRedirectUri,
  };
}

/**
 * Called before a module, RPC or webhook section uses the connection: expiry forces
 * re-authorization; the refresh section runs when its condition holds.
 */
export async function ensureConnection(
  rt: Runtime,
  name: string | null | undefined,
): Promise<ConnectionState | undefined> {
  if (!name) return undefined;
  const st = rt.connections.get(name);
  if (!st) {
    const why = rt.connectionHistory.get(name);
    const hint =
      why === 'failed'
        ? 'its connect step failed'
        : why === 'deleted'
          ? 'it was deleted'
          : 'add a connect step before using it';
    throw new MakeError('AccountValidationError', `Connection "${name}" is not established (${hint})`);
  }
  if (st.expires !== undefined && rt.clock.now() >= st.expires)
    throw new MakeError(
      'AccountValidationError',
      `Connection "${name}" expired at ${new Date(st.expires).toISOString()}; it needs to be reauthorized`,
    );
  const comm = sections(rt, name);
  if (st.type === 'oauth' && comm.refresh !== undefined) {
    try {
      await runSection(rt, st, 'refresh', comm.refresh, connectionCtx(rt, st, {}));
    } catch (e) {
      const err = toMakeError(e);
      throw new MakeError(
        'AccountValidationError',
        `Refreshing connection "${name}" failed: ${err.message}`,
        err.statusCode,
      );
    }
  }
  return st;
}

/** Runs `invalidate` (OAuth2) and forgets the connection. */
export async function deleteConnection(rt: Runtime, name: string): Promise<void> {
  const st = rt.connections.get(name);
  if (!st) throw new MakeError('RuntimeError', `Connection "${name}" does not exist`);
  rt.connections.delete(name);
  rt.connectionHistory.set(name, 'deleted');
  const comm = sections(rt, name);
  if (st.type === 'oauth' && comm.invalidate !== undefined)
    await runSection(rt, st, 'invalidate', comm.invalidate, connectionCtx(rt, st, {}));
}
