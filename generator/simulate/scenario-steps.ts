/**
 * What each kind of scenario step does, one handler per kind: connect, run a module or an RPC,
 * move the clock, attach or detach a webhook, call the API as its user, deliver a webhook.
 */

import { type Component, getOwn, isPlainObject } from '../model/index.ts';
import { collectSecrets, connect, deleteConnection, ensureConnection } from './connection.ts';
import { parseDuration } from './duration.ts';
import { MakeError } from './errors.ts';
import { runEpoch, runInstantTrigger, runModule, runRpc } from './modules.ts';
import { buildRequest } from './request-builder.ts';
import { parseBody } from './response.ts';
import type { Runtime } from './runtime.ts';
import type { ScenarioStep } from './scenario-types.ts';
import type { StepKind } from './types.ts';
import { attachWebhook, bundlesFromDelivery, detachWebhook, nextDelivery } from './webhooks.ts';

/** Where API-side steps (createMovie, apiCall) send requests: the real host, routed by the host map. */
const ACADEMY_API_BASE = 'https://app-academy.make.com/api/v2';

/** What a step gives its report: the component it exercised and its output bundles. */
export interface StepOutcome {
  component?: string;
  output?: unknown[];
}

type StepName = Exclude<StepKind, 'cleanup'>;
/** The value under the step's one key, e.g. `{module, parameters}` for `run`. */
type StepBody<K extends StepName> = Extract<ScenarioStep, Record<K, unknown>>[K];
type StepHandler<K extends StepName> = (rt: Runtime, body: StepBody<K>) => Promise<StepOutcome>;
type AnyStepHandler = (rt: Runtime, body: unknown) => Promise<StepOutcome>;

/** Runs the step with the handler of the first kind it holds, in the table's order. */
export async function runStep(rt: Runtime, step: ScenarioStep): Promise<StepOutcome> {
  for (const kind of Object.keys(STEP_HANDLERS) as StepName[])
    if (kind in step)
      return (STEP_HANDLERS[kind] as AnyStepHandler)(rt, (step as Record<string, unknown>)[kind]);
  throw new MakeError('RuntimeError', `unknown step ${JSON.stringify(step)}`);
}

const STEP_HANDLERS: { [K in StepName]: StepHandler<K> } = {
  connect: async (rt, body) => {
    const s = body ?? {};
    const name = s.connection ?? defaultConnection(rt);
    const st = await connect(rt, name, s);
    return {
      component: `connections.${name}`,
      output: [
        {
          user: st.user ?? null,
          scopes: st.scopes,
          expires: st.expires ? new Date(st.expires).toISOString() : null,
          ...(st.metadata !== undefined ? { metadata: st.metadata } : {}),
          ...(st.uid !== undefined ? { uid: st.uid } : {}),
        },
      ],
    };
  },
  run: async (rt, s) => ({
    component: `modules.${s.module}`,
    output: await runModule(rt, s.module, {
      ...(s.parameters || s.inputs ? { parameters: { ...s.inputs, ...s.parameters } } : {}),
      ...(s.epoch !== undefined ? { epoch: s.epoch } : {}),
      ...(s.payload !== undefined ? { payload: s.payload } : {}),
    }),
  }),
  rpc: async (rt, s) => {
    const out = await runRpc(rt, s.name, { ...s.inputs, ...s.parameters });
    if (s.shape) checkRpcShape(s.shape, out);
    return { component: `rpcs.${s.name}`, output: Array.isArray(out) ? out : out === undefined ? [] : [out] };
  },
  epoch: async (rt, s) => ({
    component: `modules.${s.module}`,
    output: await runEpoch(rt, s.module, s.parameters ?? {}),
  }),
  advance: async (rt, duration) => {
    if (rt.live)
      throw new MakeError(
        'RuntimeError',
        "advance cannot move the real API's clock in --live mode; run this scenario on the embedded API",
      );
    const ms = parseDuration(duration);
    if (ms === undefined) throw new MakeError('RuntimeError', `not a duration: ${duration}`);
    rt.clock.advance(ms);
    return { output: [{ now: new Date(rt.clock.now()).toISOString() }] };
  },
  attachWebhook: async (rt, s) => {
    const st = await attachWebhook(rt, s.webhook, s.parameters ?? {});
    return { component: `webhooks.${st.name}`, output: [{ url: st.url, data: st.data }] };
  },
  detachWebhook: async (rt, s) => {
    await detachWebhook(rt, s.webhook);
    return { component: `webhooks.${s.webhook}`, output: [] };
  },
  createMovie: async (rt, s) => {
    const { connection, expect: _e, ...movie } = s;
    return { output: [await apiSide(rt, 'POST', '/movies', movie, undefined, connection)] };
  },
  apiCall: async (rt, s) => ({
    output: [await apiSide(rt, s.method, s.path, s.body, s.query, s.connection)],
  }),
  deliverWebhook: async (rt, s) => {
    const mod = getOwn(rt.app.components.module, s.module) as Component | undefined;
    if (!mod) throw new MakeError('RuntimeError', `the app has no module "${s.module}"`);
    if (!mod.webhook) throw new MakeError('RuntimeError', `module "${s.module}" has no webhook`);
    const d = await nextDelivery(rt, mod.webhook, s.waitMs ?? rt.settings.webhookWaitMs);
    const bundles = bundlesFromDelivery(rt, mod.webhook, d);
    return { component: `modules.${s.module}`, output: await runInstantTrigger(rt, s.module, bundles) };
  },
  deleteConnection: async (rt, s) => {
    const name = s?.connection ?? defaultConnection(rt);
    await deleteConnection(rt, name);
    return { component: `connections.${name}`, output: [] };
  },
};

function defaultConnection(rt: Runtime): string {
  const names = Object.keys(rt.app.components.connection);
  if (names.length === 0) throw new MakeError('RuntimeError', 'the app has no connection');
  // Prefer the connection most modules use.
  const uses = new Map<string, number>();
  for (const m of Object.values(rt.app.components.module))
    if (m.connection) uses.set(m.connection, (uses.get(m.connection) ?? 0) + 1);
  return [...names].sort((a, b) => (uses.get(b) ?? 0) - (uses.get(a) ?? 0))[0];
}

function checkRpcShape(shape: string, out: unknown): void {
  const list = Array.isArray(out) ? out : [out];
  if (shape === 'options') {
    const bad = list.find((o) => !isPlainObject(o) || o.label === undefined || o.value === undefined);
    if (bad !== undefined)
      throw new MakeError('DataError', `dynamic options must be {label, value}; got ${JSON.stringify(bad)}`);
  } else if (shape === 'fields') {
    const bad = list.find(
      (o) => !isPlainObject(o) || typeof o.name !== 'string' || typeof o.type !== 'string',
    );
    if (bad !== undefined)
      throw new MakeError(
        'DataError',
        `dynamic fields must be parameters with name and type; got ${JSON.stringify(bad)}`,
      );
  } else if (shape === 'sample' && !isPlainObject(out))
    throw new MakeError('DataError', 'a dynamic sample must be one object');
}

/** A call made by the API's user directly (not by the app), with the connection's access token. */
async function apiSide(
  rt: Runtime,
  method: string,
  path: string,
  body: unknown,
  query: Record<string, unknown> | undefined,
  connectionName: string | undefined,
): Promise<unknown> {
  const name = connectionName ?? defaultConnection(rt);
  const st = await ensureConnection(rt, name);
  const token = findAccessToken(st?.data ?? {});
  if (!token)
    throw new MakeError('RuntimeError', `connection "${name}" holds no access token for an API-side call`);
  const built = buildRequest(
    {
      url: `${ACADEMY_API_BASE}${path}`,
      method,
      headers: { authorization: `Bearer ${token}` },
      qs: query,
      body,
      type: 'json',
      encodeUrl: true,
    },
    { qsReplacesUrlQuery: false, boundarySeed: 0 },
  );
  const res = await rt.wire.send(
    built,
    { component: 'api', pointer: `scenario.${method.toLowerCase()}${path}` },
    [],
    rt.settings.requestTimeoutMs,
  );
  const parsed = parseBody('automatic', res.headers, res.body);
  collectSecrets(rt, parsed);
  if (res.status >= 400)
    throw new MakeError(
      'RuntimeError',
      `API answered ${res.status}: ${JSON.stringify(parsed)?.slice(0, 300)}`,
      res.status,
    );
  return parsed ?? null;
}

function findAccessToken(data: Record<string, unknown>): string | undefined {
  for (const [k, v] of Object.entries(data)) if (/access.?token/i.test(k) && typeof v === 'string') return v;
  return undefined;
}
