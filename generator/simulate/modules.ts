/**
 * Runs modules (every type), RPCs and the epoch panel the way Make does (make-iml.md §7–§8.1):
 * the connection is validated (and refreshed) first, base is merged, and the output is shaped per
 * module type.
 */

import type { ImlContext } from '../iml/api.ts';
import {
  assignOwn,
  type Component,
  epochRequest,
  INPUT_PARAMETER_CODE_TYPES,
  isPlainObject,
  setOwn,
} from '../model/index.ts';
import type { Spec } from './base-merge.ts';
import { ensureConnection } from './connection.ts';
import { MakeError } from './errors.ts';
import type { ExecResult, ExecTarget } from './exec-types.ts';
import { execute } from './executor.ts';
import { findComponent, type Runtime } from './runtime.ts';
import { type EpochChoice, newTriggerState, selectNewItems, triggerData } from './trigger.ts';

/** Static and mappable parameter definitions of a module (or an RPC's `params`). */
export function parameterDefs(c: Component): Spec[] {
  const out: Spec[] = [];
  for (const key of INPUT_PARAMETER_CODE_TYPES) {
    const v = c.codes[key]?.value;
    if (Array.isArray(v)) for (const p of v) if (isPlainObject(p)) out.push(p);
  }
  return out;
}

/** Inputs as the scenario gives them, with each parameter's `default` where nothing was mapped. */
export function withDefaults(c: Component, given: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of parameterDefs(c))
    if (typeof p.name === 'string' && p.default !== undefined) setOwn(out, p.name, p.default);
  return { ...out, ...given };
}

function moduleCtx(
  rt: Runtime,
  c: Component,
  parameters: Record<string, unknown>,
  connection: Record<string, unknown>,
  data: Record<string, unknown>,
): ImlContext {
  return {
    parameters,
    connection,
    common: rt.appCommon,
    data,
    temp: {},
    scenario: {},
    environment: { timezone: 'UTC' },
    metadata: { expect: parameterDefs(c), interface: c.codes.interface?.value ?? [] },
  };
}

export interface RunOptions {
  parameters?: Record<string, unknown>;
  /** Polling trigger: where to start on the first run. */
  epoch?: EpochChoice;
  /** Instant trigger run directly with this payload (no webhook). */
  payload?: unknown;
}

function typeName(v: unknown): string {
  return Array.isArray(v)
    ? 'Array'
    : v === null
      ? 'Null'
      : typeof v === 'object'
        ? 'Object'
        : typeof v === 'string'
          ? 'Text'
          : typeof v;
}

/** Runs one module and returns its output bundles. */
export async function runModule(rt: Runtime, name: string, opts: RunOptions = {}): Promise<unknown[]> {
  const c = findComponent(rt, 'module', name);
  const type = c.moduleType ?? 'action';
  if (type === 'instant_trigger') return runInstantTriggerDirectly(rt, name, opts.payload);
  const conn = await ensureConnection(rt, c.connection ?? undefined);
  const parameters = withDefaults(c, opts.parameters);
  if (rt.settings.validateRequiredInputs) checkRequired(c, parameters);
  const comm = c.codes.communication?.value;
  const id = `modules.${name}`;
  if (type === 'responder') return [respond(rt, c, parameters, conn?.data ?? {})];
  if (comm === undefined) throw new MakeError('InvalidConfigurationError', `${id} has no communication`);
  const data = rt.moduleData.get(name) ?? {};
  rt.moduleData.set(name, data);
  const run: ModuleRun = { rt, c, name, id, parameters, connection: conn?.data ?? {}, comm, data };
  if (type === 'trigger') return runPollingTrigger(run, opts.epoch);
  const out = await runCommunication(run);
  return type === 'search' ? searchBundles(out) : actionBundles(out);
}

/** A module about to run its communication: what every module type's runner needs. */
interface ModuleRun {
  rt: Runtime;
  c: Component;
  name: string;
  /** `modules.<name>`: the component in requests and errors. */
  id: string;
  parameters: Record<string, unknown>;
  connection: Record<string, unknown>;
  comm: unknown;
  /** The module's stored data, kept across runs (updated in place). */
  data: Record<string, unknown>;
}

/** An instant trigger runs when a webhook arrives; run directly, it needs the payload a delivery would give. */
function runInstantTriggerDirectly(rt: Runtime, name: string, payload: unknown): Promise<unknown[]> {
  if (payload === undefined)
    throw new MakeError(
      'RuntimeError',
      `${name} is an instant trigger: it runs when a webhook arrives (use deliverWebhook, or give a payload)`,
    );
  return runInstantTrigger(rt, name, [payload]);
}

/** A polling trigger: pages until it meets an item it has seen, then keeps the new items from where it starts. */
async function runPollingTrigger(run: ModuleRun, epoch: EpochChoice | undefined): Promise<unknown[]> {
  const { rt, c, name, parameters, data } = run;
  const state = rt.triggers.get(name) ?? newTriggerState();
  rt.triggers.set(name, state);
  const ctx = moduleCtx(rt, c, parameters, run.connection, { ...data, ...triggerData(state) });
  const seenBefore = new Set(state.seen.map(String));
  const res = await executeModule(run, ctx, {
    role: 'trigger',
    // Paging stops once a page holds an item already seen (its trigger.id evaluated per item).
    onPage: (items) =>
      state.initialized && items.some((it) => seenBefore.has(String(triggerIdOf(rt, run.comm, ctx, it)))),
  });
  assignOwn(data, res.data);
  const items =
    res.items ?? (Array.isArray(res.output) ? res.output.map((o) => ({ item: o, output: o })) : []);
  const limit = res.limit ?? rt.settings.defaultTriggerLimit;
  const chosen = selectNewItems(
    rt.env.iml,
    res.lastResponse?.trigger,
    items,
    res.lastCtx ?? ctx,
    state,
    limit,
    epoch ?? rt.settings.defaultEpoch,
    rt.settings.maxPastRecords,
  );
  return chosen.map((x) => x.output);
}

/** Actions, searches and universal modules: the communication runs once (it may send no request). */
async function runCommunication(run: ModuleRun): Promise<unknown> {
  const { rt, c, parameters, data } = run;
  const ctx = moduleCtx(rt, c, parameters, run.connection, data);
  const res = await executeModule(run, ctx, { role: 'module', allowRequestless: true });
  assignOwn(data, res.data);
  checkDataSize(rt, data);
  return res.output;
}

/** Executes the module's communication, recorded under `modules.<name>.communication` with its parameters. */
function executeModule(
  run: ModuleRun,
  ctx: ImlContext,
  how: Pick<ExecTarget, 'role' | 'allowRequestless' | 'onPage'>,
): Promise<ExecResult> {
  const { rt, id } = run;
  const { role, ...options } = how;
  const target: ExecTarget = {
    component: id,
    pointer: `${id}.communication`,
    base: rt.base,
    role,
    inputs: { parameters: run.parameters },
    ...options,
  };
  return execute(rt.env, target, run.comm, ctx);
}

/** A search gives any number of bundles: an array as it is, one value as one bundle. */
function searchBundles(out: unknown): unknown[] {
  if (out === undefined || out === null) return [];
  return Array.isArray(out) ? out : [out];
}

/** Action and universal: exactly one bundle, an object. */
function actionBundles(out: unknown): unknown[] {
  if (out === undefined || out === null || out === false) return [];
  if (!isPlainObject(out))
    throw new MakeError('DataError', `Invalid module output. Expected Object, but found ${typeName(out)}.`);
  return [out];
}

/** Make validates the mapped inputs before running: a required parameter without a value stops the module. */
function checkRequired(c: Component, parameters: Record<string, unknown>): void {
  const missing = parameterDefs(c)
    .filter((p) => p.required === true && typeof p.name === 'string')
    .map((p) => p.name as string)
    .filter((n) => parameters[n] === undefined || parameters[n] === null || parameters[n] === '');
  if (missing.length)
    throw new MakeError(
      'DataError',
      `Validation failed for ${missing.length} parameter(s). ${missing.map((n) => `Missing value of required parameter '${n}'.`).join(' ')}`,
    );
}

function checkDataSize(rt: Runtime, data: Record<string, unknown>): void {
  if (JSON.stringify(data).length > rt.settings.maxDataBytes)
    throw new MakeError('RuntimeError', `Module data exceeds ${rt.settings.maxDataBytes} bytes`);
}

function triggerIdOf(rt: Runtime, comm: unknown, ctx: ImlContext, item: unknown): unknown {
  const last = Array.isArray(comm) ? comm[comm.length - 1] : comm;
  const trigger =
    isPlainObject(last) && isPlainObject(last.response) ? (last.response as Spec).trigger : undefined;
  if (!isPlainObject(trigger)) return (item as Spec)?.id;
  try {
    return rt.env.iml.eval(trigger.id, { ...ctx, item });
  } catch {
    return undefined;
  }
}

/** A responder's communication is only `response: {status, headers, body}` — the reply to the webhook caller. */
function respond(
  rt: Runtime,
  c: Component,
  parameters: Record<string, unknown>,
  connection: Record<string, unknown>,
): unknown {
  const comm = c.codes.communication?.value;
  const resp = isPlainObject(comm) && isPlainObject(comm.response) ? comm.response : {};
  const v = rt.env.iml.eval(resp, moduleCtx(rt, c, parameters, connection, {}));
  return isPlainObject(v)
    ? { status: v.status ?? 200, headers: v.headers ?? {}, body: v.body }
    : { status: 200 };
}

/** Runs an RPC (dynamic options, fields, samples...) and returns its raw output. */
export async function runRpc(
  rt: Runtime,
  name: string,
  parameters: Record<string, unknown> = {},
  webhook?: Record<string, unknown>,
): Promise<unknown> {
  const c = findComponent(rt, 'rpc', name);
  const conn = await ensureConnection(rt, c.connection ?? undefined);
  const comm = c.codes.communication?.value;
  if (comm === undefined)
    throw new MakeError('InvalidConfigurationError', `rpcs.${name} has no communication`);
  const ctx = {
    ...moduleCtx(rt, c, withDefaults(c, parameters), conn?.data ?? {}, {}),
    ...(webhook ? { webhook } : {}),
  };
  const res = await execute(
    rt.env,
    {
      component: `rpcs.${name}`,
      pointer: `rpcs.${name}.communication`,
      base: rt.base,
      role: 'rpc',
      inputs: { parameters },
      allowRequestless: true,
    },
    comm,
    ctx,
  );
  return res.output;
}

/** The "Choose where to start" list of a polling trigger: its `epoch` section over its communication. */
export async function runEpoch(
  rt: Runtime,
  name: string,
  parameters: Record<string, unknown> = {},
): Promise<unknown[]> {
  const c = findComponent(rt, 'module', name);
  const epoch = c.codes.epoch?.value;
  if (!isPlainObject(epoch))
    throw new MakeError('InvalidConfigurationError', `modules.${name} has no epoch section`);
  const conn = await ensureConnection(rt, c.connection ?? undefined);
  const merged = epochRequest(c.codes.communication?.value, epoch)!.request;
  const state = rt.triggers.get(name) ?? newTriggerState();
  const ctx = moduleCtx(rt, c, withDefaults(c, parameters), conn?.data ?? {}, triggerData(state));
  const res = await execute(
    rt.env,
    {
      component: `modules.${name}`,
      pointer: `modules.${name}.epoch`,
      base: rt.base,
      role: 'rpc',
      inputs: { parameters },
    },
    merged,
    ctx,
  );
  return Array.isArray(res.output) ? res.output : res.output === undefined ? [] : [res.output];
}

/** Runs an instant trigger once per bundle the webhook produced (`payload` = the bundle). */
export async function runInstantTrigger(rt: Runtime, name: string, bundles: unknown[]): Promise<unknown[]> {
  const c = findComponent(rt, 'module', name);
  const comm = c.codes.communication?.value;
  const hook = c.webhook ? rt.webhooks.get(c.webhook) : undefined;
  const connName = c.connection ?? hook?.connection;
  const out: unknown[] = [];
  for (const payload of bundles) {
    if (comm === undefined || (isPlainObject(comm) && Object.keys(comm).length === 0)) {
      out.push(payload);
      continue;
    }
    const conn = await ensureConnection(rt, connName ?? undefined);
    const ctx = {
      ...moduleCtx(rt, c, {}, conn?.data ?? {}, {}),
      payload,
      ...(hook ? { webhook: { id: hook.id, url: hook.url, ...hook.data } } : {}),
    };
    const res = await execute(
      rt.env,
      {
        component: `modules.${name}`,
        pointer: `modules.${name}.communication`,
        base: rt.base,
        role: 'instant',
        inputs: { payload },
        allowRequestless: true,
      },
      comm,
      ctx,
    );
    if (res.output !== undefined) out.push(res.output);
  }
  return out;
}
