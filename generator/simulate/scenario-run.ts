/**
 * Runs one scenario step by step against a runtime, turning every outcome (success, Make error,
 * scenario mistake) into a StepReport. Nothing thrown by the app escapes as a crash.
 */

import { type Component, getOwn, isPlainObject, setOwn } from '../model/index.ts';
import { checkExpectation, getPath } from './assertions.ts';
import { collectSecrets, connect, deleteConnection, ensureConnection } from './connection.ts';
import { parseDuration } from './duration.ts';
import { MakeError, toMakeError } from './errors.ts';
import { runEpoch, runInstantTrigger, runModule, runRpc } from './modules.ts';
import { toRequestRecord } from './recorder.ts';
import { buildRequest } from './request-builder.ts';
import { parseBody } from './response.ts';
import type { Runtime } from './runtime.ts';
import type { Expectation, Scenario, ScenarioStep } from './scenario-types.ts';
import type { MakeErrorInfo, RequestRecord, ScenarioReport, StepKind, StepReport } from './types.ts';
import { attachWebhook, bundlesFromDelivery, detachWebhook, nextDelivery } from './webhooks.ts';

/** Where API-side steps (createMovie, apiCall) send requests: the real host, routed by the host map. */
export const ACADEMY_API_BASE = 'https://app-academy.make.com/api/v2';

interface StepOutcome {
  component?: string;
  output?: unknown[];
}

function stepKind(step: ScenarioStep): StepKind {
  return Object.keys(step)[0] as StepKind;
}

function defaultConnection(rt: Runtime): string {
  const names = Object.keys(rt.app.components.connection);
  if (names.length === 0) throw new MakeError('RuntimeError', 'the app has no connection');
  // Prefer the connection most modules use.
  const uses = new Map<string, number>();
  for (const m of Object.values(rt.app.components.module))
    if (m.connection) uses.set(m.connection, (uses.get(m.connection) ?? 0) + 1);
  return [...names].sort((a, b) => (uses.get(b) ?? 0) - (uses.get(a) ?? 0))[0];
}

function labelOf(step: ScenarioStep): string {
  const [k, v] = Object.entries(step)[0] as [string, unknown];
  if (!isPlainObject(v)) return `${k} ${v ?? ''}`.trim();
  const main =
    v.module ??
    v.name ??
    v.webhook ??
    v.as ??
    v.connection ??
    (k === 'apiCall' ? `${v.method} ${v.path}` : '');
  return `${k} ${main ?? ''}`.trim();
}

async function runStep(rt: Runtime, step: ScenarioStep): Promise<StepOutcome> {
  if ('connect' in step) {
    const s = step.connect ?? {};
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
  }
  if ('run' in step) {
    const s = step.run;
    return {
      component: `modules.${s.module}`,
      output: await runModule(rt, s.module, {
        ...(s.parameters || s.inputs ? { parameters: { ...s.inputs, ...s.parameters } } : {}),
        ...(s.epoch !== undefined ? { epoch: s.epoch } : {}),
        ...(s.payload !== undefined ? { payload: s.payload } : {}),
      }),
    };
  }
  if ('rpc' in step) {
    const s = step.rpc;
    const out = await runRpc(rt, s.name, { ...s.inputs, ...s.parameters });
    if (s.shape) checkRpcShape(s.shape, out);
    return { component: `rpcs.${s.name}`, output: Array.isArray(out) ? out : out === undefined ? [] : [out] };
  }
  if ('epoch' in step) {
    return {
      component: `modules.${step.epoch.module}`,
      output: await runEpoch(rt, step.epoch.module, step.epoch.parameters ?? {}),
    };
  }
  if ('advance' in step) {
    if (rt.live)
      throw new MakeError(
        'RuntimeError',
        "advance cannot move the real API's clock in --live mode; run this scenario on the embedded API",
      );
    const ms = parseDuration(step.advance);
    if (ms === undefined) throw new MakeError('RuntimeError', `not a duration: ${step.advance}`);
    rt.clock.advance(ms);
    return { output: [{ now: new Date(rt.clock.now()).toISOString() }] };
  }
  if ('attachWebhook' in step) {
    const st = await attachWebhook(rt, step.attachWebhook.webhook, step.attachWebhook.parameters ?? {});
    return { component: `webhooks.${st.name}`, output: [{ url: st.url, data: st.data }] };
  }
  if ('detachWebhook' in step) {
    await detachWebhook(rt, step.detachWebhook.webhook);
    return { component: `webhooks.${step.detachWebhook.webhook}`, output: [] };
  }
  if ('createMovie' in step) {
    const { connection, expect: _e, ...movie } = step.createMovie;
    return { output: [await apiSide(rt, 'POST', '/movies', movie, undefined, connection)] };
  }
  if ('apiCall' in step) {
    const s = step.apiCall;
    return { output: [await apiSide(rt, s.method, s.path, s.body, s.query, s.connection)] };
  }
  if ('deliverWebhook' in step) {
    const s = step.deliverWebhook;
    const mod = getOwn(rt.app.components.module, s.module) as Component | undefined;
    if (!mod) throw new MakeError('RuntimeError', `the app has no module "${s.module}"`);
    if (!mod.webhook) throw new MakeError('RuntimeError', `module "${s.module}" has no webhook`);
    const d = await nextDelivery(rt, mod.webhook, s.waitMs ?? rt.settings.webhookWaitMs);
    const bundles = bundlesFromDelivery(rt, mod.webhook, d);
    return { component: `modules.${s.module}`, output: await runInstantTrigger(rt, s.module, bundles) };
  }
  if ('deleteConnection' in step) {
    const name = step.deleteConnection?.connection ?? defaultConnection(rt);
    await deleteConnection(rt, name);
    return { component: `connections.${name}`, output: [] };
  }
  throw new MakeError('RuntimeError', `unknown step ${JSON.stringify(step)}`);
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

function expectOf(step: ScenarioStep): Expectation | undefined {
  const v = Object.values(step)[0];
  return isPlainObject(v) && isPlainObject(v.expect) ? (v.expect as Expectation) : undefined;
}

export async function runScenario(rt: Runtime, scenario: Scenario): Promise<ScenarioReport> {
  const steps: StepReport[] = [];
  const exec = async (
    index: number,
    kind: StepKind,
    label: string,
    fn: () => Promise<StepOutcome>,
    expect?: Expectation,
  ) => {
    rt.wire.context = { scenario: scenario.name, step: index };
    rt.wire.stepExchanges = [];
    rt.wire.stepWarnings = [];
    const clock = new Date(rt.clock.now()).toISOString();
    let outcome: StepOutcome = {};
    let error: MakeErrorInfo | undefined;
    try {
      outcome = await fn();
    } catch (e) {
      const plain = !(e instanceof MakeError) && (e as Error)?.name === 'Error';
      error = plain ? { type: 'ScenarioError', message: (e as Error).message } : toMakeError(e).toInfo();
      error = rt.secrets.redactDeep(error);
    }
    let requests: RequestRecord[] = [];
    let output: unknown[] | undefined;
    try {
      requests = rt.wire.stepExchanges.map((ex) => toRequestRecord(ex, rt.secrets));
      output = outcome.output === undefined ? undefined : rt.secrets.redactDeep(toJson(outcome.output));
    } catch (e) {
      // Pathological data (e.g. nesting deeper than the JS stack) must not crash the run.
      error ??= {
        type: 'RuntimeError',
        message: `the step's data cannot be reported: ${(e as Error).message}`,
      };
    }
    const failures = checkExpectation(expect, {
      ...(error ? { error } : {}),
      ...(output ? { output } : {}),
      requests,
    });
    const rep: StepReport = {
      index,
      kind,
      label,
      ...(outcome.component ? { component: outcome.component } : {}),
      status: failures.length === 0 ? 'pass' : 'fail',
      ...(error ? { error } : {}),
      failures,
      ...(rt.wire.stepWarnings.length ? { warnings: [...rt.wire.stepWarnings] } : {}),
      requests,
      ...(output ? { output } : {}),
      clock,
    };
    steps.push(rep);
  };
  for (const [i, step] of scenario.steps.entries()) {
    const kind = stepKind(step);
    const limited = kind === 'run' || kind === 'rpc' || kind === 'epoch' || kind === 'deliverWebhook';
    await exec(
      i + 1,
      kind,
      labelOf(step),
      () => {
        const work = runStep(rt, resolveRefs(step, steps) as ScenarioStep);
        return limited ? withTimeout(work, rt.settings.executionTimeoutMs) : work;
      },
      expectOf(step),
    );
  }
  // Cleanup as Make does when a scenario is deactivated: detach webhooks still attached.
  for (const name of [...rt.webhooks.keys()]) {
    await exec(steps.length + 1, 'cleanup', `cleanup detach ${name}`, async () => {
      await detachWebhook(rt, name);
      return { component: `webhooks.${name}` };
    });
  }
  return {
    name: scenario.name,
    ...(scenario.file ? { file: scenario.file } : {}),
    status: steps.every((s) => s.status === 'pass') ? 'pass' : 'fail',
    steps,
  };
}

/**
 * `${last.id}` (the newest earlier step whose first bundle has `id`) and `${step3.movie.id}` (step 3's
 * first bundle) in step values are replaced by those values, so a scenario can use what it created.
 */
export function resolveRefs(value: unknown, done: StepReport[]): unknown {
  if (typeof value === 'string') {
    const m = /^\$\{(last|step(\d+))\.([^}]+)\}$/.exec(value);
    if (!m) return value;
    const candidates = m[2] ? done.filter((s) => s.index === Number(m[2])) : [...done].reverse();
    for (const s of candidates) {
      const v = getPath(s.output?.[0], m[3]);
      if (v !== undefined) return v;
    }
    throw new MakeError('RuntimeError', `reference ${value} matches no earlier step output`);
  }
  if (Array.isArray(value)) return value.map((v) => resolveRefs(v, done));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, k === 'expect' ? v : resolveRefs(v, done));
    return out;
  }
  return value;
}

/** Make stops a module or RPC that runs too long (real time; the fake clock does not count). */
async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new MakeError('ModuleTimeoutError', `Execution took longer than ${ms} ms`)),
      ms,
    );
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** Outputs as plain JSON (Dates → ISO, Buffers → {binary: size}). */
function toJson(v: unknown[]): unknown[] {
  return JSON.parse(
    JSON.stringify(v, (_k, x) =>
      x && typeof x === 'object' && x.type === 'Buffer' && Array.isArray(x.data)
        ? { binary: x.data.length }
        : x,
    ) ?? '[]',
  );
}
