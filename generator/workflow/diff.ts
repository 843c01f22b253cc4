/**
 * The diff workflow: load the student's app and the reference, check the report path before any
 * work, and compare them by structure and by behaviour.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type DiffReport, diffApps } from '../diff/index.ts';
import { UsageError } from '../model/errors.ts';
import { loadUsableApp } from './app-input.ts';
import { checkInputFile, INPUT_LIMITS } from './input-file.ts';
import { appFiles, checkOutputPath, inputFiles } from './output-guard.ts';

export interface DiffWorkflowOptions {
  /** The student's app. */
  theirs: string;
  /** The reference app (default `dist-app`). */
  against?: string;
  /** Run both apps on the embedded API (default true). */
  behaviour?: boolean;
  /** Scenario file or folder; default the reference's scenarios, else a smoke scenario. */
  scenario?: string;
  /** The report file the caller will write, checked before any work. */
  output?: string;
}

export async function diff(opts: DiffWorkflowOptions): Promise<DiffReport> {
  const against = opts.against ?? 'dist-app';
  if (!existsSync(against)) {
    throw new UsageError(
      against === 'dist-app'
        ? 'no reference app: dist-app/ does not exist here; run `make-app build` or pass --against <reference>'
        : `reference "${against}" does not exist`,
    );
  }
  if (opts.scenario && !existsSync(opts.scenario))
    throw new UsageError(`scenario path "${opts.scenario}" does not exist`);
  if (opts.output && path.resolve(opts.output) === path.resolve(opts.theirs))
    throw new UsageError('--output must not be the app being compared');
  if (opts.scenario) checkInputFile(opts.scenario, '--scenario', INPUT_LIMITS.scenario, true);
  const theirs = loadUsableApp(opts.theirs, 'the app');
  const reference = loadUsableApp(against, 'the reference');
  if (opts.output) {
    // the report never replaces a file of either app (nor an app file lying beside them)
    const keep = appFiles(theirs, 'a file of the app being compared');
    appFiles(reference, 'a file of the reference app', keep);
    if (opts.scenario) inputFiles(opts.scenario, 'a --scenario file', keep);
    checkOutputPath('--output', opts.output, keep);
  }
  return diffApps(theirs, reference, {
    behaviour: opts.behaviour ?? true,
    ...(opts.scenario ? { scenarios: opts.scenario } : {}),
  });
}
