/**
 * The workflow layer: what every front end (CLI, language server, class grader, GitHub Action,
 * your own scripts) calls. Each workflow is a function of options returning a result; printing and
 * exit codes belong to the front end. This is the package's main entry.
 */

export type { DiffReport } from '../diff/index.ts';
export type { ClassReport, StudentRow } from '../grade/types.ts';
export { formatInputError, InputError, UsageError } from '../model/errors.ts';
export type { AppModel, Diagnostic, Severity } from '../model/index.ts';
export type { SimulationReport } from '../simulate/index.ts';
export { type BuildOptions, type BuildResult, build } from './build.ts';
export { type DiffWorkflowOptions, diff } from './diff.ts';
export { type GradeOptions, gradeClass } from './grade.ts';
export { type ImportWorkflowOptions, type ImportWorkflowResult, importApp } from './import-app.ts';
export { type InitOptions, type InitResult, init } from './init.ts';
export { type LintedApp, type LintOptions, type LintWorkflowResult, lint } from './lint.ts';
export {
  lintWithOverlay,
  type OverlayLintOptions,
  type OverlayLintResult,
} from './lint-overlay.ts';
export { type SimulateWorkflowOptions, simulate } from './simulate.ts';
export { type StartOptions, type StartResult, start } from './start.ts';
