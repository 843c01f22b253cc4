/**
 * The diff workflow: load the student's app and the reference, check the report path before any
 * work, and compare them by structure and by behaviour.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type DiffReport, diffApps } from '../diff/index.ts';
import { DEFAULT_RUBRIC } from '../diff/rubric.ts';
import { assignmentRubric } from '../grade/assignment.ts';
import { skippedOptional } from '../grade/grade-student.ts';
import { prepareReference } from '../grade/prepare-reference.ts';
import { UsageError } from '../model/errors.ts';
import type { AppModel } from '../model/index.ts';
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
  /**
   * An assignment (YAML: required and optional reference components, weights): only those are
   * compared, whatever the student named them; extra components are reported, not penalised.
   */
  assignment?: string;
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
  if (opts.assignment) return diffOnAssignment(theirs, against, opts);
  return diffApps(theirs, reference, {
    behaviour: opts.behaviour ?? true,
    ...(opts.scenario ? { scenarios: opts.scenario } : {}),
  });
}

/** The grader's way: the reference restricted to the assignment, its smoke scenario unless one is given. */
async function diffOnAssignment(
  theirs: AppModel,
  against: string,
  opts: DiffWorkflowOptions,
): Promise<DiffReport> {
  checkInputFile(opts.assignment!, '--assignment', INPUT_LIMITS.json);
  const behaviour = opts.behaviour ?? true;
  const prepared = await prepareReference({
    against,
    behaviour,
    assignment: opts.assignment!,
    ...(opts.scenario ? { scenarios: opts.scenario } : {}),
  });
  return diffApps(theirs, prepared.reference, {
    behaviour,
    rubric: assignmentRubric(DEFAULT_RUBRIC, prepared.assignment),
    ...(prepared.runs ? { referenceRuns: prepared.runs } : {}),
    ignore: skippedOptional(prepared.reference, theirs, prepared.assignment!),
  });
}
