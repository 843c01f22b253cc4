/**
 * Runs one scenario step by step against a runtime, turning every outcome (success, Make error,
 * scenario mistake) into a StepReport. Nothing thrown by the app escapes as a crash.
 */

import { isPlainObject, setOwn } from '../model/index.ts';
import { checkExpectation, getPath } from './assertions.ts';
import { MakeError, toMakeError } from './errors.ts';
import { toRequestRecord } from './recorder.ts';
import type { Runtime } from './runtime.ts';
import { runStep, type StepOutcome } from './scenario-steps.ts';
import type { Expectation, Scenario, ScenarioStep } from './scenario-types.ts';
import type { MakeErrorInfo, RequestRecord, ScenarioReport, StepKind, StepReport } from './types.ts';
import { detachWebhook } from './webhooks.ts';

function stepKind(step: ScenarioStep): StepKind {
  return Object.keys(step)[0] as StepKind;
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

function expectOf(step: ScenarioStep): Expectation | undefined {
  const v = Object.values(step)[0];
  return isPlainObject(v) && isPlainObject(v.expect) ? (v.expect as Expectation) : undefined;
}

export async function runScenario(rt: Runtime, scenario: Scenario): Promise<ScenarioReport> {
  const steps: StepReport[] = [];
  for (const [i, step] of scenario.steps.entries()) {
    const kind = stepKind(step);
    const limited = kind === 'run' || kind === 'rpc' || kind === 'epoch' || kind === 'deliverWebhook';
    const about = { index: i + 1, kind, label: labelOf(step), expect: expectOf(step) };
    const report = await reportStep(rt, scenario.name, about, () => {
      const work = runStep(rt, resolveRefs(step, steps) as ScenarioStep);
      return limited ? withTimeout(work, rt.settings.executionTimeoutMs) : work;
    });
    steps.push(report);
  }
  // Cleanup as Make does when a scenario is deactivated: detach webhooks still attached.
  for (const name of [...rt.webhooks.keys()]) {
    const about = { index: steps.length + 1, kind: 'cleanup' as const, label: `cleanup detach ${name}` };
    const report = await reportStep(rt, scenario.name, about, async () => {
      await detachWebhook(rt, name);
      return { component: `webhooks.${name}` };
    });
    steps.push(report);
  }
  return {
    name: scenario.name,
    ...(scenario.file ? { file: scenario.file } : {}),
    status: steps.every((s) => s.status === 'pass') ? 'pass' : 'fail',
    steps,
  };
}

/** A step as its report names it, with what it is expected to give. */
interface StepAbout {
  index: number;
  kind: StepKind;
  label: string;
  expect?: Expectation;
}

/** Runs one step's work with the wire recording for it, and reports the outcome against its expectation. */
async function reportStep(
  rt: Runtime,
  scenarioName: string,
  about: StepAbout,
  work: () => Promise<StepOutcome>,
): Promise<StepReport> {
  rt.wire.context = { scenario: scenarioName, step: about.index };
  rt.wire.stepExchanges = [];
  rt.wire.stepWarnings = [];
  const clock = new Date(rt.clock.now()).toISOString();
  const settled = await settle(rt, work);
  const { requests, output, unreportable } = reportedData(rt, settled.outcome);
  const error = settled.error ?? unreportable;
  const failures = checkExpectation(about.expect, {
    ...(error ? { error } : {}),
    ...(output ? { output } : {}),
    requests,
  });
  return {
    index: about.index,
    kind: about.kind,
    label: about.label,
    ...(settled.outcome.component ? { component: settled.outcome.component } : {}),
    status: failures.length === 0 ? 'pass' : 'fail',
    ...(error ? { error } : {}),
    failures,
    ...(rt.wire.stepWarnings.length ? { warnings: [...rt.wire.stepWarnings] } : {}),
    requests,
    ...(output ? { output } : {}),
    clock,
  };
}

/**
 * Awaits the step's work. What it throws becomes the step's error: a plain Error is the scenario's
 * own mistake (ScenarioError), anything else a Make error; secrets are redacted from either.
 */
async function settle(
  rt: Runtime,
  work: () => Promise<StepOutcome>,
): Promise<{ outcome: StepOutcome; error?: MakeErrorInfo }> {
  try {
    return { outcome: await work() };
  } catch (e) {
    const plain = !(e instanceof MakeError) && (e as Error)?.name === 'Error';
    const error = plain ? { type: 'ScenarioError', message: (e as Error).message } : toMakeError(e).toInfo();
    return { outcome: {}, error: rt.secrets.redactDeep(error) };
  }
}

/** The step's requests and output as reported (redacted plain JSON); data that cannot be gives an error instead. */
function reportedData(
  rt: Runtime,
  outcome: StepOutcome,
): { requests: RequestRecord[]; output?: unknown[]; unreportable?: MakeErrorInfo } {
  let requests: RequestRecord[] = [];
  try {
    requests = rt.wire.stepExchanges.map((ex) => toRequestRecord(ex, rt.secrets));
    const output = outcome.output === undefined ? undefined : rt.secrets.redactDeep(toJson(outcome.output));
    return { requests, output };
  } catch (e) {
    // Pathological data (e.g. nesting deeper than the JS stack) must not crash the run.
    return {
      requests,
      unreportable: {
        type: 'RuntimeError',
        message: `the step's data cannot be reported: ${(e as Error).message}`,
      },
    };
  }
}

/**
 * `${last.id}` (the newest earlier step whose first bundle has `id`) and `${step3.movie.id}` (step 3's
 * first bundle) in step values are replaced by those values, so a scenario can use what it created.
 */
function resolveRefs(value: unknown, done: StepReport[]): unknown {
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
