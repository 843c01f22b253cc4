import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AppModel } from '../../model/app.ts';
import { createFakeClock } from '../../model/clock.ts';
import { InputError } from '../../model/errors.ts';
import {
  loadScenarios,
  type Scenario,
  ScenarioError,
  type SimulationReport,
  simulateApp,
  smokeScenario,
} from '../../simulate/index.ts';
import type { BehaviourResult, ComponentMatch } from '../types.ts';
import { compareRuns } from './compare-steps.ts';
import { parameterRenames } from './param-renames.ts';
import { renameScenario } from './rename-scenario.ts';

export interface BehaviourOptions {
  /** Scenario file or folder; default: the reference's `app-src/scenarios/`, else the smoke scenario generated from the reference. */
  scenarios?: string;
  /** The reference's runs made beforehand (`runReference`); the reference is then not simulated again. */
  referenceRuns?: ReferenceRuns;
}

/** The reference runs twice with these (seed, clock) pairs; the student's app runs with the first. */
const RUN_A = { seed: 1, start: '2026-01-01T09:00:00Z' };
const RUN_B = { seed: 4242, start: '2026-07-15T17:31:07Z' };

/** The reference's two runs of the scenarios: made once, reusable for every student (plain JSON). */
export interface ReferenceRuns {
  scenarios: Scenario[];
  /** Where the scenarios came from, for the report. */
  source: string;
  a: SimulationReport;
  b: SimulationReport;
}

const run = (app: AppModel, sc: Scenario[], r: { seed: number; start: string }) =>
  simulateApp(app, { scenarios: sc, seed: r.seed, clock: createFakeClock(r.start) });

/** Runs the reference twice (other seed, other clock) so that what varies between runs can be masked. */
export async function runReference(
  reference: AppModel,
  opts: BehaviourOptions = {},
  given?: { scenarios: Scenario[]; source: string },
): Promise<ReferenceRuns> {
  const { scenarios, source } = given ?? pickScenarios(reference, opts.scenarios);
  if (scenarios.length === 0) return { scenarios, source, a: emptyRun(), b: emptyRun() };
  return {
    scenarios,
    source,
    a: await run(reference, scenarios, RUN_A),
    b: await run(reference, scenarios, RUN_B),
  };
}

/**
 * Runs the same scenarios on both apps against fresh embedded APIs and compares requests and
 * outputs step by step. Noise is cancelled by running the reference twice (other seed, other
 * clock) and masking whatever differed between those two runs; `opts.referenceRuns` reuses
 * those two runs (a class grader makes them once).
 */
export async function diffBehaviour(
  theirs: AppModel,
  reference: AppModel,
  matches: ComponentMatch[],
  opts: BehaviourOptions = {},
): Promise<BehaviourResult> {
  let ref: ReferenceRuns;
  let th: SimulationReport;
  const names = () => (opts.referenceRuns?.scenarios ?? []).map((s) => s.name);
  try {
    ref = opts.referenceRuns ?? (await runReference(reference, opts));
    if (ref.scenarios.length === 0)
      return {
        ran: false,
        note: `no scenarios in ${ref.source}`,
        scenarios: [],
        steps: [],
        equivalent: true,
      };
    const params = parameterRenames(reference, theirs, matches);
    th = await run(
      theirs,
      ref.scenarios.map((s) => renameScenario(s, matches, params)),
      RUN_A,
    );
  } catch (e) {
    if (e instanceof InputError) throw e;
    return {
      ran: false,
      note: `the simulation could not run: ${(e as Error).message}`,
      scenarios: names(),
      steps: [],
      equivalent: true,
    };
  }
  const renames = new Map<string, string>();
  for (const m of matches)
    if (m.reference && m.theirs && m.reference !== m.theirs) renames.set(m.theirs, m.reference);
  const steps = compareRuns(ref.a, ref.b, th, renames);
  const refFailed = ref.a.scenarios.flatMap((s) =>
    s.steps.filter((x) => x.status === 'fail').map((x) => `${s.name} #${x.index + 1}`),
  );
  return {
    ran: true,
    note: `scenarios from ${ref.source}${refFailed.length ? `; the reference itself fails ${refFailed.join(', ')}` : ''}`,
    scenarios: ref.scenarios.map((s) => s.name),
    steps,
    equivalent: steps.every((s) => s.pass),
  };
}

function emptyRun(): SimulationReport {
  return {
    app: { root: '' },
    target: 'none',
    scenarios: [],
    summary: { scenarios: 0, steps: 0, passed: 0, failed: 0 },
  } as unknown as SimulationReport;
}

function pickScenarios(
  reference: AppModel,
  given: string | undefined,
): { scenarios: Scenario[]; source: string } {
  try {
    if (given) return { scenarios: loadScenarios(given), source: given };
    const dir = path.join(reference.root, '..', 'app-src', 'scenarios');
    if (existsSync(dir) && statSync(dir).isDirectory() && readdirSync(dir).some((f) => /\.ya?ml$/i.test(f))) {
      return { scenarios: loadScenarios(dir), source: path.relative(process.cwd(), dir) || dir };
    }
  } catch (e) {
    if (e instanceof ScenarioError)
      throw new InputError(e.message, { file: e.file, line: e.line, column: e.column });
    throw e;
  }
  return { scenarios: [smokeScenario(reference)], source: 'the smoke scenario generated from the reference' };
}
