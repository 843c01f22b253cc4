/**
 * Lint one app whose files may come from memory (an editor's unsaved buffers) instead of the disk:
 * the same loader, schemas, rules, config file and inline disables as `make-app lint`. Config
 * problems become findings on the config file instead of errors, so an editor keeps working while
 * the user types a config.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type DiskSnapshot, type DocumentCache, loadApp } from '../load/index.ts';
import { type AppModel, type Diagnostic, InputError } from '../model/index.ts';
import {
  capSyntaxErrors,
  findConfigFile,
  type LintConfig,
  lintApp,
  parseConfig,
  UnknownProfileError,
} from '../validate/index.ts';

export interface OverlayLintOptions {
  /** App folder, makecomapp.json or bundle file. */
  target: string;
  /** Text that wins over the disk for a file (absolute path), or undefined to read the disk. */
  readText?: (abs: string) => string | undefined;
  /** Folders searched for a config file after the app root (e.g. the editor's workspace folder). */
  configFolders?: readonly string[];
  /** Parsed documents kept from the previous lint of the same app (only changed files are parsed). */
  documents?: DocumentCache;
  /** Disk texts from the previous lint; only for a caller told of every change on disk. */
  disk?: DiskSnapshot;
}

export interface OverlayLintResult {
  app: AppModel;
  /** Findings of the app, paths relative to `app.root`. */
  diagnostics: Diagnostic[];
  /** The config file used (absolute), if any. */
  configFile?: string;
  /** Problems of the config file itself (absolute `file`), reported instead of thrown. */
  configProblems: Diagnostic[];
  suppressed: number;
  profile: string;
}

/** Loads and lints the app at `target`. Throws InputError only when `target` is no app at all. */
export function lintWithOverlay(opts: OverlayLintOptions): OverlayLintResult {
  const app = loadApp(opts.target, {
    readText: opts.readText,
    documents: opts.documents,
    disk: opts.disk,
  });
  const configFile = findConfigFile([app.root, ...(opts.configFolders ?? [])]);
  const configProblems: Diagnostic[] = [];
  let config: LintConfig = {};
  if (configFile) {
    try {
      config = parseConfig(opts.readText?.(configFile) ?? readFileSync(configFile, 'utf8'), configFile);
    } catch (e) {
      configProblems.push(configProblem(e, configFile));
    }
  }
  let result: ReturnType<typeof lintApp>;
  try {
    result = lintApp(app, config);
  } catch (e) {
    if (!(e instanceof UnknownProfileError)) throw e;
    // An unknown profile name: report it on the config file and lint with the detected profile.
    configProblems.push(configProblem(e, configFile ?? path.join(app.root, 'make-app.config.json')));
    result = lintApp(app, { ...config, profile: undefined });
  }
  // as `make-app lint`: a file of broken JSON reports its first syntax errors, not thousands
  return { app, configFile, configProblems, ...result, diagnostics: capSyntaxErrors(result.diagnostics) };
}

function configProblem(e: unknown, file: string): Diagnostic {
  const loc = e instanceof InputError ? e.location : undefined;
  return {
    ruleId: 'config/invalid',
    severity: 'error',
    message: e instanceof Error ? e.message : String(e),
    file,
    line: loc?.line ?? 1,
    column: loc?.column ?? 1,
    pointer: '',
  };
}
