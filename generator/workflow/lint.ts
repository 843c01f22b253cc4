/**
 * The lint workflow: load each app, find its config, lint it, apply the baseline (paths relative
 * to the app's root, so a baseline written in one folder matches from any other), and return the
 * findings with paths relative to where the caller works. Front ends only format the result.
 */
import path from 'node:path';
import { loadApp } from '../load/index.ts';
import { type AppModel, compareDiagnostics, type Diagnostic, UsageError } from '../model/index.ts';
import {
  ALL_RULES,
  applyBaseline,
  type Baseline,
  type BaselineEntry,
  capSyntaxErrors,
  createBaseline,
  findConfigFile,
  type LintConfig,
  lintApp,
  RULES_BY_ID,
  readBaselineFile,
  readConfigFile,
  UnknownProfileError,
  unusedBaselineEntries,
} from '../validate/index.ts';
import { checkInputFile, INPUT_LIMITS } from './input-file.ts';
import { appFiles, checkOutputPath, type Protected } from './output-guard.ts';

export interface LintOptions {
  /** App folders, makecomapp.json files or bundle files. */
  paths: string[];
  /** Where paths in the result are relative to (default: the process's working folder). */
  cwd?: string;
  /** Config file; default: make-app.config.json / .make-app.json in the app folder or `cwd`. */
  configFile?: string;
  /** API profile name, over the config's. */
  profile?: string;
  /** Accepted findings to leave out. */
  baselineFile?: string;
  /** Build a baseline of today's findings (returned as `baseline`) and report against it. */
  createBaseline?: boolean;
  /** Files the caller will write (flag → path): refused before any work if they would replace an app file. */
  outputs?: Record<string, string | undefined>;
}

export interface LintedApp {
  app: AppModel;
  /** This app's findings, paths relative to its root. */
  diagnostics: Diagnostic[];
}

export interface LintWorkflowResult {
  apps: LintedApp[];
  /** Every app's findings, paths relative to `cwd`, sorted. */
  diagnostics: Diagnostic[];
  /** Findings left out by inline comments, ignore globs or the baseline. */
  suppressed: number;
  /** The baseline of today's findings, when `createBaseline` was asked. */
  baseline?: Baseline;
  /** Baseline entries that matched no finding (the finding is gone or the entry never matched). */
  unusedBaseline: BaselineEntry[];
  /** Problems with the configuration worth telling, e.g. a severity for a rule id that does not exist. */
  notices: string[];
  /** A rule crashed: the report is shown but cannot be trusted. */
  ruleCrashed: boolean;
}

export function lint(opts: LintOptions): LintWorkflowResult {
  if (opts.paths.length === 0)
    throw new UsageError('lint needs at least one path (an app folder, makecomapp.json or bundle file)');
  const cwd = opts.cwd ?? process.cwd();
  if (opts.configFile) checkInputFile(opts.configFile, '--config', INPUT_LIMITS.json);
  if (opts.baselineFile) checkInputFile(opts.baselineFile, '--baseline', INPUT_LIMITS.json);
  const explicitConfig = opts.configFile ? readConfigFile(opts.configFile) : undefined;
  const given = opts.baselineFile ? readBaselineFile(opts.baselineFile) : undefined;

  const apps = opts.paths.map((p) => loadApp(opts.cwd ? path.resolve(opts.cwd, p) : p));
  guardOutputs(apps, opts.outputs ?? {});

  const notices: string[] = [];
  const linted: LintedApp[] = [];
  let suppressed = 0;
  for (const app of apps) {
    const configFile = explicitConfig ? undefined : findConfigFile([app.root, cwd]);
    const config: LintConfig = { ...(explicitConfig ?? (configFile ? readConfigFile(configFile) : {})) };
    if (opts.profile) config.profile = opts.profile;
    notices.push(...unknownRuleIds(config, configFile ?? opts.configFile));
    let result: ReturnType<typeof lintApp>;
    try {
      result = lintApp(app, config);
    } catch (e) {
      if (e instanceof UnknownProfileError) throw new UsageError(e.message);
      throw e;
    }
    suppressed += result.suppressed;
    linted.push({ app, diagnostics: capSyntaxErrors(result.diagnostics) });
  }

  const everything = linted.flatMap((l) => l.diagnostics);
  const baseline = opts.createBaseline ? createBaseline(everything) : given;
  let unusedBaseline: BaselineEntry[] = [];
  if (baseline) {
    unusedBaseline = unusedBaselineEntries(everything, baseline);
    for (const l of linted) {
      const r = applyBaseline(l.diagnostics, baseline);
      l.diagnostics = r.kept;
      suppressed += r.accepted;
    }
  }
  const diagnostics = linted
    .flatMap((l) => l.diagnostics.map((d) => relocate(d, l.app.root, cwd)))
    .sort(compareDiagnostics);
  return {
    apps: linted,
    diagnostics,
    suppressed,
    ...(opts.createBaseline ? { baseline } : {}),
    unusedBaseline,
    notices: [...new Set(notices)],
    ruleCrashed: diagnostics.some((d) => d.ruleId === 'lint/rule-crashed'),
  };
}

/** Reports and baselines are checked before any work: never over a file of a linted app. */
function guardOutputs(apps: AppModel[], outputs: Record<string, string | undefined>): void {
  if (!Object.values(outputs).some(Boolean)) return; // nothing will be written
  const keep: Protected = new Map();
  for (const app of apps) appFiles(app, 'a file of the app being linted', keep);
  for (const [flag, file] of Object.entries(outputs)) if (file) checkOutputPath(flag, file, keep, outputs);
}

/** A severity for a rule id nothing reports is almost always a typo: say so, but go on. */
function unknownRuleIds(config: LintConfig, file: string | undefined): string[] {
  const out: string[] = [];
  for (const id of Object.keys(config.rules ?? {})) {
    const family = id.endsWith('/*') ? id.slice(0, -1) : undefined;
    const known =
      RULES_BY_ID.has(id) ||
      /^(load|schema|lint)\//.test(id) ||
      id === '*' ||
      (family !== undefined && ALL_RULES.some((r) => r.id.startsWith(family)));
    if (!known) out.push(`${file ?? 'config'}: no rule "${id}" (see make-app lint --list-rules)`);
  }
  return out;
}

/** Paths relative to where the command runs, so editors and CI can open them. */
function relocate(d: Diagnostic, root: string, cwd: string): Diagnostic {
  const rel = (f: string) => path.relative(cwd, path.resolve(root, f)).split(path.sep).join('/') || '.';
  return { ...d, file: rel(d.file), related: d.related?.map((r) => ({ ...r, file: rel(r.file) })) };
}
