import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AppModel } from '../../model/app.ts';
import { createFakeClock } from '../../model/clock.ts';
import { InputError } from '../../model/errors.ts';
import {
  loadScenarios,
  type Scenario,
  ScenarioError,
  simulateApp,
  smokeScenario,
} from '../../simulate/index.ts';
import type { BehaviourResult, ComponentMatch } from '../types.ts';
import { compareRuns } from './compare-steps.ts';
import { renameScenario } from './rename-scenario.ts';

export interface BehaviourOptions {
  /** Scenario file or folder; default: the reference's `app-src/scenarios/`, else the smoke scenario generated from the reference. */
  scenarios?: string;
}

/** The reference runs twice with these (seed, clock) pairs; the student's app runs with the first. */
const RUN_A = { seed: 1, start: '2026-01-01T09:00:00Z' };
const RUN_B = { seed: 4242, start: '2026-07-15T17:31:07Z' };

/**
 * Runs the same scenarios on both apps against fresh embedded APIs and compares requests and
 * outputs step by step. Noise is cancelled by running the reference twice (other seed, other
 * clock) and masking whatever differed between those two runs.
 */
export async function diffBehaviour(
  theirs: AppModel,
  reference: AppModel,
  matches: ComponentMatch[],
  opts: BehaviourOptions = {},
): Promise<BehaviourResult> {
  const { scenarios, source } = pickScenarios(reference, opts.scenarios);
  if (scenarios.length === 0)
    return { ran: false, note: `no scenarios in ${source}`, scenarios: [], steps: [], equivalent: true };
  const mine = scenarios.map((s) => renameScenario(s, matches));
  const run = (app: AppModel, sc: Scenario[], r: { seed: number; start: string }) =>
    simulateApp(app, { scenarios: sc, seed: r.seed, clock: createFakeClock(r.start) });
  let refA: Awaited<ReturnType<typeof simulateApp>>;
  let refB: typeof refA;
  let th: typeof refA;
  try {
    refA = await run(reference, scenarios, RUN_A);
    refB = await run(reference, scenarios, RUN_B);
    th = await run(theirs, mine, RUN_A);
  } catch (e) {
    return {
      ran: false,
      note: `the simulation could not run: ${(e as Error).message}`,
      scenarios: scenarios.map((s) => s.name),
      steps: [],
      equivalent: true,
    };
  }
  const renames = new Map<string, string>();
  for (const m of matches)
    if (m.reference && m.theirs && m.reference !== m.theirs) renames.set(m.theirs, m.reference);
  const steps = compareRuns(refA, refB, th, renames);
  const refFailed = refA.scenarios.flatMap((s) =>
    s.steps.filter((x) => x.status === 'fail').map((x) => `${s.name} #${x.index + 1}`),
  );
  return {
    ran: true,
    note: `scenarios from ${source}${refFailed.length ? `; the reference itself fails ${refFailed.join(', ')}` : ''}`,
    scenarios: scenarios.map((s) => s.name),
    steps,
    equivalent: steps.every((s) => s.pass),
  };
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
