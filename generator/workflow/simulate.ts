/**
 * The simulate workflow: load an app the loader can use, read scenarios (or make a smoke one),
 * check every output before the run, run it on the embedded API (or a replay, or live), and
 * return the report. Writing the Mermaid file is the caller's, after the run.
 */
import { resolve } from 'node:path';
import { InputError, UsageError } from '../model/errors.ts';
import {
  type HostMap,
  type LiveTarget,
  ReplayFileError,
  type Scenario,
  type SimulationReport,
  SimulationSetupError,
  simulateApp,
} from '../simulate/index.ts';
import { loadUsableApp } from './app-input.ts';
import { checkInputFile, INPUT_LIMITS } from './input-file.ts';
import { appFiles, checkOutputPath, inputFiles, isFsError } from './output-guard.ts';
import { readScenarios } from './scenarios.ts';

export interface SimulateWorkflowOptions {
  /** App folder, makecomapp.json or bundle file. */
  app: string;
  /** Scenario file or folder; default: a smoke scenario generated from the app. */
  scenario?: string;
  /** Write the redacted HAR recording here. */
  har?: string;
  /** Names redaction by name leaves visible in the HAR (`--har-keep`). */
  harKeep?: string[];
  /** Answer requests from this HAR instead of the API. */
  replay?: string;
  /** Files the caller writes after the run (flag → path), checked before it. */
  outputs?: Record<string, string | undefined>;
  seed?: number;
  hostMap?: HostMap;
  common?: Record<string, string>;
  equality?: 'loose' | 'strict';
  live?: LiveTarget;
}

export async function simulate(opts: SimulateWorkflowOptions): Promise<SimulationReport> {
  if (opts.scenario) checkInputFile(opts.scenario, '--scenario', INPUT_LIMITS.scenario, true);
  if (opts.replay) checkInputFile(opts.replay, '--replay', INPUT_LIMITS.har);
  const app = loadUsableApp(opts.app);
  // Outputs are checked before the run: never the app, the scenarios or the recording replayed.
  const keep = appFiles(app, 'a file of the app being simulated');
  if (opts.scenario) inputFiles(opts.scenario, 'a --scenario file', keep);
  if (opts.replay) inputFiles(opts.replay, 'the --replay recording', keep);
  const outputs = { '--har': opts.har, ...opts.outputs };
  for (const [flag, file] of Object.entries(outputs)) if (file) checkOutputPath(flag, file, keep, outputs);
  const scenarios: Scenario[] | 'smoke' = opts.scenario ? readScenarios(opts.scenario) : 'smoke';
  try {
    return await simulateApp(app, {
      scenarios,
      ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
      ...(opts.hostMap ? { hostMap: opts.hostMap } : {}),
      ...(opts.common && Object.keys(opts.common).length ? { common: opts.common } : {}),
      ...(opts.har ? { har: opts.har } : {}),
      ...(opts.harKeep?.length ? { harKeep: opts.harKeep } : {}),
      ...(opts.replay ? { replay: resolve(opts.replay) } : {}),
      ...(opts.equality ? { equality: opts.equality } : {}),
      ...(opts.live ? { live: opts.live } : {}),
    });
  } catch (e) {
    if (e instanceof SimulationSetupError) throw new UsageError(e.message);
    if (e instanceof ReplayFileError)
      throw new InputError(e.message, { file: opts.replay, line: e.line, column: e.column });
    if (opts.har && isFsError(e))
      throw new InputError(`cannot write the HAR file: ${(e as Error).message}`, { file: opts.har });
    throw e;
  }
}
