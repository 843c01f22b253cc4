/**
 * The simulator: runs an app the way Make runs it against the embedded App Academy API (or a
 * replayed HAR, or — guarded — the live API), and reports every step. See README.md.
 */
import { startAcademyApi } from '../academy-api/index.ts';
import { type AppModel, type Clock, createFakeClock, createSystemClock } from '../model/index.ts';
import { commonKeysRead, fillCommon, type Registration } from './common-data.ts';
import type { ExecEnv } from './exec-types.ts';
import { createFetchTransport, type HostMap, type Transport } from './http.ts';
import { createImlEnv } from './iml.ts';
import { Recorder } from './recorder.ts';
import type { SecretSet } from './redact.ts';
import { appRedirectUri } from './redirect-uri.ts';
import { ReplaySource } from './replay.ts';
import { reportOf, writeHar } from './run-report.ts';
import { registrationFor, secretsFor, usersOf } from './run-setup.ts';
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
export type { LiveTarget, SimulateOptions } from './options.ts';
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

import type { LiveTarget, SimulateOptions } from './options.ts';

/** How recordings show the receiver's loopback origin (stable across runs; used as-is when replaying). */
const RECEIVER_ALIAS = 'http://webhook-receiver.invalid';

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
  const registration = registrationFor(opts, api, replay);
  const hostMap: HostMap = { ...(api ? { [ACADEMY_HOST]: api.url } : {}), ...(opts.hostMap ?? {}) };
  const transport: Transport | undefined = replay
    ? undefined
    : (opts.transport ?? createFetchTransport(hostMap, { allowUnmapped: Boolean(opts.live) }));
  const secrets = secretsFor(registration, opts);
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
  const shared: SharedRuntime = {
    app,
    clock,
    settings,
    env,
    wire,
    secrets,
    registration,
    users: usersOf(api),
    appCommonKeys: commonKeysRead(
      app.general.base?.value,
      ...Object.values(app.components.module).map((m) => m.codes.communication?.value),
      ...Object.values(app.components.rpc).map((m) => m.codes.communication?.value),
    ),
    opts,
  };
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
      const rt = scenarioRuntime(shared, sc);
      holder.rt = rt;
      rt.receiverUrl = receiver?.url ?? RECEIVER_ALIAS;
      started.push({ name: sc.name, startedMs: clock.now() });
      reports.push(await runScenario(rt, sc));
    }
  } finally {
    await receiver?.close();
    iml.dispose();
  }
  const report = reportOf(app, replay ? 'replay' : opts.live ? 'live' : api ? 'embedded' : 'none', reports);
  if (opts.har) {
    writeHar(opts.har, recorder, started, registration);
    report.har = opts.har;
  }
  return report;
}

/** What every scenario of a run shares. */
interface SharedRuntime {
  app: AppModel;
  clock: Clock;
  settings: SimulatorSettings;
  env: ExecEnv;
  wire: Wire;
  secrets: SecretSet;
  registration: Registration;
  users: AppUser[];
  appCommonKeys: ReturnType<typeof commonKeysRead>;
  opts: SimulateOptions;
}

/** A fresh runtime for one scenario: its own connections, webhooks and trigger state; its settings over the run's. */
function scenarioRuntime(s: SharedRuntime, sc: Scenario): Runtime {
  const settings = { ...s.settings, ...(sc.settings ?? {}) };
  return {
    app: s.app,
    clock: s.clock,
    settings,
    env: { ...s.env, settings },
    wire: s.wire,
    secrets: s.secrets,
    base: appBase(s.app),
    appCommon: fillCommon(s.app.general.common?.value, s.appCommonKeys, s.registration, s.opts.common),
    registration: s.registration,
    users: s.users,
    connections: new Map(),
    connectionHistory: new Map(),
    webhooks: new Map(),
    triggers: new Map(),
    moduleData: new Map(),
    commonOverrides: s.opts.common ?? {},
    live: Boolean(s.opts.live),
    inbox: new Map(),
    ...(s.opts.api ? { settleDeliveries: () => s.opts.api!.flushWebhooks() } : {}),
  };
}
