/**
 * The build workflow: compile app-src/ into the local-development layout, then lint what was
 * written with the one linter and the app's baseline (`<src>/lint-baseline.json`). Findings on
 * generated JSON carry the TypeScript line that produced them.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { compileApp, type SecretMode } from '../compile/index.ts';
import { loadApp } from '../load/index.ts';
import type { Diagnostic } from '../model/index.ts';
import {
  applyBaseline,
  type BaselineEntry,
  lintApp,
  readBaselineFile,
  unusedBaselineEntries,
} from '../validate/index.ts';
import { checkInputFile, INPUT_LIMITS } from './input-file.ts';

export interface BuildOptions {
  /** Folder holding `app.ts` (default export `defineApp(...)`), or that file itself. */
  src: string;
  /** Output folder. */
  out: string;
  /** Write nothing; report whether `out` is up to date. */
  check?: boolean;
  /** `placeholder` (default) writes secret placeholders; `resolve` reads env / .secrets/. */
  secrets?: SecretMode;
  /** Accepted lint findings; default `<src>/lint-baseline.json` when it exists. */
  baselineFile?: string;
}

export interface BuildResult {
  /** No lint errors and (with `check`) nothing out of date. */
  ok: boolean;
  /** The output folder already held exactly what the build produces. */
  upToDate: boolean;
  /** Files written (with `check`: that would be written), relative to `out`. */
  written: string[];
  /** Files of an earlier build removed (with `check`: that would be removed). */
  removed: string[];
  /** Every generated file, relative to `out` (the manifest included). */
  files: string[];
  /** Lint findings on the output (empty with `check` when out of date); `origin` = TypeScript line. */
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  /** Findings accepted by the baseline. */
  accepted: number;
  /** Baseline entries that matched nothing (the finding is gone: delete the entry). */
  staleBaseline: BaselineEntry[];
}

/** `<src>/lint-baseline.json` (beside app.ts when `src` names the file itself). */
function defaultBaseline(src: string): string {
  const abs = path.resolve(src);
  const folder = existsSync(abs) && statSync(abs).isFile() ? path.dirname(abs) : abs;
  return path.join(folder, 'lint-baseline.json');
}

export async function build(opts: BuildOptions): Promise<BuildResult> {
  if (opts.baselineFile) checkInputFile(opts.baselineFile, '--baseline', INPUT_LIMITS.json);
  // A broken baseline stops the build with its position before anything is compiled or written.
  const baseline = readBaselineFile(opts.baselineFile ?? defaultBaseline(opts.src), {
    requireReasons: true,
    optional: !opts.baselineFile,
  });
  const compiled = await compileApp(opts);
  const result: BuildResult = {
    ok: true,
    upToDate: compiled.upToDate,
    written: compiled.written,
    removed: compiled.removed,
    files: compiled.files,
    diagnostics: [],
    errors: 0,
    warnings: 0,
    accepted: 0,
    staleBaseline: [],
  };
  if (opts.check && !compiled.upToDate) return { ...result, ok: false };
  const loaded = loadApp(opts.out);
  // A --with-secrets build writes the real credentials on purpose (for a deploy, never into
  // dist-app/), so the rule against credentials in common data does not apply to it.
  const lint = lintApp(
    loaded,
    opts.secrets === 'resolve' ? { rules: { 'security/credentials-in-common': 'off' } } : {},
  );
  const { kept, accepted } = baseline
    ? applyBaseline(lint.diagnostics, baseline)
    : { kept: lint.diagnostics, accepted: 0 };
  if (baseline) result.staleBaseline = unusedBaselineEntries(lint.diagnostics, baseline);
  result.diagnostics = kept.map(compiled.withOrigin);
  result.accepted = accepted;
  result.errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  result.warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  result.ok = result.errors === 0;
  return result;
}
