/**
 * The main job on the embedded defaults: build app-src → dist-app (which lints what it wrote),
 * then simulate the app's scenarios (or a smoke scenario) on the embedded App Academy API.
 */
import path from 'node:path';
import { loadApp } from '../load/index.ts';
import type { Scenario, SimulationReport } from '../simulate/index.ts';
import { simulateApp, smokeScenario } from '../simulate/index.ts';
import { componentCount } from './app-input.ts';
import { type BuildResult, build } from './build.ts';
import { appFiles, checkOutputPath, inputFiles, type Protected } from './output-guard.ts';
import { readScenariosIfPresent } from './scenarios.ts';

export interface StartOptions {
  src: string;
  out: string;
  /** Scenario file or folder; when absent, a smoke scenario generated from the app. */
  scenario: string;
  /** Also write the redacted HAR recording. */
  har?: string;
  /** Stop after build and lint. */
  simulate?: boolean;
}

export interface StartResult {
  build: BuildResult;
  components: number;
  simulation?: SimulationReport;
  ok: boolean;
}

export async function start(opts: StartOptions): Promise<StartResult> {
  // Scenarios are read before the build, so a broken file stops the run at once, with its position.
  const scenarios: Scenario[] | undefined =
    opts.simulate === false ? undefined : readScenariosIfPresent(opts.scenario);
  // The recording never replaces a source or scenario file; a folder is refused before any work.
  const keep: Protected = inputFiles(opts.src, 'a file of the app sources (--src)', new Map());
  if (scenarios) inputFiles(opts.scenario, 'a --scenario file', keep);
  if (opts.har) checkOutputPath('--har', opts.har, keep);
  const built = await build({ src: opts.src, out: opts.out });
  const app = loadApp(opts.out);
  if (opts.har) checkOutputPath('--har', opts.har, appFiles(app, 'a file of the built app', keep));
  let simulation: SimulationReport | undefined;
  if (opts.simulate !== false) {
    simulation = await simulateApp(app, {
      scenarios: scenarios ?? [smokeScenario(app)],
      ...(opts.har ? { har: path.resolve(opts.har) } : {}),
    });
  }
  const ok = built.ok && built.errors === 0 && (simulation?.summary.failed ?? 0) === 0;
  return { build: built, components: componentCount(app), ...(simulation ? { simulation } : {}), ok };
}
