/**
 * The simulator: runs an app the way Make runs it against the embedded App Academy API (or a
 * replayed HAR, or — guarded — the live API), and reports every step. See README.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AcademyApi } from '../academy-api/index.ts';
import { startAcademyApi } from '../academy-api/index.ts';
import { type AppModel, type Clock, createFakeClock, createSystemClock } from '../model/index.ts';
import { classifyCommonKey, commonKeysRead, fillCommon, type Registration } from './common-data.ts';
import type { ExecEnv } from './exec-types.ts';
import { buildHar } from './har.ts';
import { createFetchTransport, type HostMap, type Transport } from './http.ts';
import { createImlEnv } from './iml.ts';
import { Recorder } from './recorder.ts';
import { SecretSet } from './redact.ts';
import { appRedirectUri } from './redirect-uri.ts';
import { ReplaySource } from './replay.ts';
import { type AppUser, appBase, type Runtime } from './runtime.ts';
import { runScenario } from './scenario-run.ts';
import type { Scenario } from './scenario-types.ts';
import { ACADEMY_HOST, DEFAULT_SETTINGS, type SimulatorSettings } from './settings.ts';
import { smokeScenario } from './smoke.ts';
import type { ScenarioReport, SimulationReport } from './types.ts';
import { startReceiver } from './webhooks.ts';
import { Wire } from './wire.ts';

export type { Registration } from './common-data.ts';
export { MakeError } from './errors.ts';
export type { HostMap, Transport, WireRequest, WireResponse } from './http.ts';
export { createFetchTransport, mapUrl } from './http.ts';
export { toMermaid } from './mermaid.ts';
export { REDACTED } from './redact.ts';
export { ReplayFileError } from './replay.ts';
export { formatReport } from './report-text.ts';
export { loadScenarios, parseScenario, ScenarioError } from './scenario-load.ts';
export type { Expectation, RequestExpectation, Scenario, ScenarioStep } from './scenario-types.ts';
export type { SimulatorSettings } from './settings.ts';
export { ACADEMY_HOST, DEFAULT_SETTINGS } from './settings.ts';
export { smokeScenario } from './smoke.ts';
export type {
  MakeErrorInfo,
  RequestRecord,
  ScenarioReport,
  SimulationReport,
  StepKind,
  StepReport,
} from './types.ts';

/** Targets the real App Academy API. Refused unless every guard is met (see README.md). */
export interface LiveTarget {
  clientId: string;
  clientSecret: string;
  apiKey?: string;
  redirectUri?: string;
  /** Must be literally true: the caller confirmed that real requests are sent. */
  confirmed: true;
}

export interface SimulateOptions {
  /** Scenarios to run; 'smoke' (default) generates one from the app. */
  scenarios?: Scenario[] | 'smoke';
  /** A running embedded API; when absent (and not replaying or live) one is started for the run and closed after. */
  api?: AcademyApi;
  /** Clock for a self-started API (a given API brings its own clock, which is then used). */
  clock?: Clock;
  /** Seed of the self-started API and of IML `random`/`uuid`. Default 1. */
  seed?: number;
  /** Extra host → origin mappings; `app-academy.make.com` → the embedded API is added by default. */
  hostMap?: HostMap;
  /** Write the redacted HAR 1.2 recording here. */
  har?: string;
  /**
   * Header, field or JSON-key names that redaction by name leaves visible (case-insensitive), e.g.
   * a `session_token` that is no credential. Values known to be secrets stay redacted anyway.
   */
  harKeep?: string[];
  /** Answer requests from this HAR instead of an API. */
  replay?: string;
  equality?: 'loose' | 'strict';
  settings?: Partial<SimulatorSettings>;
  /** Common data overrides (win over what is filled from the registration). */
  common?: Record<string, unknown>;
  /** Client credentials to use instead of the API's first registered client. */
  registration?: Registration;
  live?: LiveTarget;
  /** Start the embedded API when no `api` is given (default true); false runs against `hostMap` only. */
  embeddedApi?: boolean;
  /**
   * Replaces the HTTP transport (tools and benchmarks wrap the default one made by
   * `createFetchTransport`). It sees requests before redaction: keep what it captures in memory.
   */
  transport?: Transport;
}

/** How recordings show the receiver's loopback origin (stable across runs; used as-is when replaying). */
export const RECEIVER_ALIAS = 'http://webhook-receiver.invalid';

export class SimulationSetupError extends Error {
  override name = 'SimulationSetupError';
}

function checkLive(live: LiveTarget | undefined): void {
  if (!live) return;
  if (live.confirmed !== true)
    throw new SimulationSetupError('live mode needs explicit confirmation (--yes-send-real-requests)');
  if (!live.clientId || !live.clientSecret)
    throw new SimulationSetupError(
      'live mode needs ACADEMY_CLIENT_ID and ACADEMY_CLIENT_SECRET in the environment',
    );
}

export async function simulateApp(app: AppModel, opts: SimulateOptions = {}): Promise<SimulationReport> {
  checkLive(opts.live);
  if (opts.live && (opts.api || opts.replay))
    throw new SimulationSetupError('--live cannot be combined with an embedded API or --replay');
  const replay = opts.replay ? ReplaySource.load(opts.replay) : undefined;
  if (opts.api || replay || opts.live || opts.embeddedApi === false) return run(app, opts, replay);
  // No API given: start one for this run (deterministic, seeded) and always close it.
  // the callback URL the app sends, when it is one of Make's, is the one registered (as a student would)
  const redirectUri = appRedirectUri(app, { ...DEFAULT_SETTINGS, ...opts.settings });
  const api = await startAcademyApi({
    deterministic: true,
    seed: opts.seed ?? 1,
    clock: opts.clock ?? createFakeClock(),
    ...(redirectUri ? { clients: [{ redirectUri }] } : {}),
  });
  try {
    return await run(app, { ...opts, api }, replay);
  } finally {
    await api.close();
  }
}

async function run(
  app: AppModel,
  opts: SimulateOptions,
  replay: ReplaySource | undefined,
): Promise<SimulationReport> {
  const seed = opts.seed ?? 1;
  const api = opts.api;
  const clock: Clock = api?.clock ?? opts.clock ?? (opts.live ? createSystemClock() : createFakeClock());
  const settings: SimulatorSettings = {
    ...DEFAULT_SETTINGS,
    ...opts.settings,
    ...(opts.equality ? { equality: opts.equality } : {}),
  };
  const client = api?.defaultClient;
  const registration: Registration =
    opts.registration ??
    (opts.live
      ? {
          clientId: opts.live.clientId,
          clientSecret: opts.live.clientSecret,
          apiKey: opts.live.apiKey,
          redirectUri: opts.live.redirectUri,
        }
      : client
        ? {
            clientId: client.clientId,
            clientSecret: client.clientSecret,
            redirectUri: client.redirectUri,
            apiKey: client.apiKey,
          }
        : {
            clientId: replay?.clientId ?? 'replay-client',
            clientSecret: 'replay-client-secret',
            apiKey: 'replay-api-key',
            redirectUri: replay?.redirectUri,
          });
  const hostMap: HostMap = { ...(api ? { [ACADEMY_HOST]: api.url } : {}), ...(opts.hostMap ?? {}) };
  const transport: Transport | undefined = replay
    ? undefined
    : (opts.transport ?? createFetchTransport(hostMap, { allowUnmapped: Boolean(opts.live) }));
  const secrets = new SecretSet(opts.harKeep);
  for (const s of [registration.clientSecret, registration.apiKey]) secrets.add(s);
  if (registration.clientId && registration.clientSecret)
    secrets.addBasicPair(registration.clientId, registration.clientSecret);
  for (const [k, v] of Object.entries(opts.common ?? {})) {
    const kind = classifyCommonKey(k);
    if (kind === 'clientSecret' || kind === 'apiKey') secrets.add(v);
  }
  const recorder = new Recorder(secrets);
  const wire = new Wire(transport, replay, recorder, clock);
  wire.simulatedDateHeader = !opts.live;
  const iml = await createImlEnv(app, clock, { equality: settings.equality, seed });
  let seq = seed * 7919;
  const env: ExecEnv = {
    iml,
    wire,
    settings,
    advanceClock: (ms) => clock.advance(ms),
    nextSeed: () => ++seq,
  };
  const users: AppUser[] = api
    ? Object.values(api.users).map((u) => ({ key: u.key, name: u.name, email: u.email }))
    : [
        { key: 'john', name: 'John Doe', email: 'john.doe@example.com' },
        { key: 'jane', name: 'Jane Black', email: 'jane.black@example.com' },
      ];
  const appCommonKeys = commonKeysRead(
    app.general.base?.value,
    ...Object.values(app.components.module).map((m) => m.codes.communication?.value),
    ...Object.values(app.components.rpc).map((m) => m.codes.communication?.value),
  );
  const scenarios =
    opts.scenarios === undefined || opts.scenarios === 'smoke' ? [smokeScenario(app)] : opts.scenarios;
  const reports: ScenarioReport[] = [];
  const started: { name: string; startedMs: number }[] = [];
  // One receiver for the run; deliveries go to the scenario running at the time.
  const holder: { rt?: Runtime } = {};
  const receiver = replay ? undefined : await startReceiver(() => holder.rt);
  // The receiver's host:port (in URLs and in the Host header of deliveries) is shown as a stable name.
  if (receiver) secrets.alias(new URL(receiver.url).host, new URL(RECEIVER_ALIAS).host);
  try {
    for (const sc of scenarios) {
      const rt: Runtime = {
        app,
        clock,
        settings: { ...settings, ...(sc.settings ?? {}) },
        env: { ...env, settings: { ...settings, ...(sc.settings ?? {}) } },
        wire,
        secrets,
        base: appBase(app),
        appCommon: fillCommon(app.general.common?.value, appCommonKeys, registration, opts.common),
        registration,
        users,
        connections: new Map(),
        connectionHistory: new Map(),
        webhooks: new Map(),
        triggers: new Map(),
        moduleData: new Map(),
        commonOverrides: opts.common ?? {},
        live: Boolean(opts.live),
        inbox: new Map(),
      };
      holder.rt = rt;
      rt.receiverUrl = receiver?.url ?? RECEIVER_ALIAS;
      started.push({ name: sc.name, startedMs: clock.now() });
      reports.push(await runScenario(rt, sc));
    }
  } finally {
    await receiver?.close();
    iml.dispose();
  }
  const steps = reports.flatMap((r) => r.steps);
  const report: SimulationReport = {
    app: {
      ...(typeof app.info.name === 'string' ? { name: app.info.name } : {}),
      ...(typeof app.info.label === 'string' ? { label: app.info.label } : {}),
      root: app.root,
    },
    target: replay ? 'replay' : opts.live ? 'live' : api ? 'embedded' : 'none',
    scenarios: reports,
    summary: {
      scenarios: reports.length,
      steps: steps.length,
      passed: steps.filter((s) => s.status === 'pass').length,
      failed: steps.filter((s) => s.status === 'fail').length,
    },
  };
  if (opts.har) {
    const file = resolve(opts.har);
    mkdirSync(dirname(file), { recursive: true });
    const har = buildHar(recorder, {
      scenarios: started,
      ...(registration.clientId ? { clientId: registration.clientId } : {}),
      ...(registration.redirectUri ? { redirectUri: registration.redirectUri } : {}),
    });
    writeFileSync(file, `${JSON.stringify(har, null, 2)}\n`);
    report.har = opts.har;
  }
  return report;
}
