import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { loadApp, parseJsonDocument } from '../../load/index.ts';
import { compareDiagnostics, type Diagnostic, SEVERITY_RANK, type Severity } from '../../model/index.ts';
import { FORMAT_NAMES, FORMATTERS, type FormatName } from '../../validate/formatters/index.ts';
import {
  ALL_RULES,
  allProfiles,
  applyBaseline,
  type Baseline,
  baselineProblem,
  createBaseline,
  findConfigFile,
  type LintConfig,
  lintApp,
  RULES_BY_ID,
  readConfigFile,
  UnknownProfileError,
} from '../../validate/index.ts';
import { capSyntaxErrors } from '../cap-syntax-errors.ts';
import { EXIT, InputError, UsageError } from '../errors.ts';
import { checkInputFile, INPUT_LIMITS } from '../input-file.ts';
import { appFiles, checkOutputPath, type Protected } from '../output-guard.ts';
import type { SetExit } from './index.ts';

interface LintFlags {
  format: string;
  failSeverity: string;
  maxWarnings?: string;
  config?: string;
  baseline?: string;
  writeBaseline?: string;
  profile?: string;
  output?: string;
  listRules?: boolean;
}

const HELP_AFTER = `
Paths: an app folder (makecomapp.json, older *.imljson export, app.bundle.json or loose files),
a makecomapp.json, or a bundle JSON file. Several apps can be linted at once.

Exit codes: 0 no finding at or above --fail-severity (and warnings within --max-warnings),
            1 findings at or above the threshold or too many warnings,
            2 usage error, unreadable input or internal error.

Config file: --config <file>, else make-app.config.json or .make-app.json in the app folder or
the current folder (JSON with comments):
  { "profile": "academy-v2",
    "rules": { "structure/*": "warning", "iml/unused-parameter": "off" },
    "ignore": ["modules/legacy-*/**"],
    "profiles": { "my-api": { "hosts": ["api.example.com"], "lifetimeUnit": "seconds",
                              "methodScopes": [{ "method": "GET", "scope": "read" }] } } }

Inline comments in JSONC files:
  // make-app-disable-next-line iml/unknown-function, oauth/*
  "url": "…" // make-app-disable-line security/plain-http
  /* make-app-disable structure/missing-label */   (whole file)

Baseline: --write-baseline lint-baseline.json records today's findings; later runs with
--baseline lint-baseline.json report only new ones (matched by rule, file, JSON pointer, message).
`;

export function registerLint(program: Command, setExit: SetExit): void {
  program
    .command('lint')
    .description(
      'Lint Make app definitions: load checks, JSON Schemas and IML-aware rules, with file:line:column',
    )
    .argument('[paths...]', 'app folders, makecomapp.json files or bundle JSON files')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMAT_NAMES).default('stylish'))
    .addOption(
      new Option('--fail-severity <severity>', 'lowest severity that makes the exit code 1')
        .choices(['error', 'warning', 'info'])
        .default('error'),
    )
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option(
      '-c, --config <file>',
      'lint config file (JSONC): rule severities, profile, ignore globs, profiles',
    )
    .option('--baseline <file>', 'accepted findings to leave out (see --write-baseline)')
    .option(
      '--write-baseline <file>',
      'write the current findings as a baseline file, then report against it',
    )
    .option(
      '--profile <name>',
      `API profile (built in: ${[...allProfiles().keys()].join(', ')}; default: detected from URLs)`,
    )
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--list-rules', 'print every rule with its default severity and description, then exit')
    .addHelpText('after', HELP_AFTER)
    .action((paths: string[], flags: LintFlags) => {
      if (flags.listRules) {
        for (const r of ALL_RULES)
          process.stdout.write(`${r.id.padEnd(44)} ${r.defaultSeverity.padEnd(8)} ${r.description}\n`);
        setExit(EXIT.ok);
        return;
      }
      if (paths.length === 0)
        throw new UsageError('lint needs at least one path (an app folder, makecomapp.json or bundle file)');
      const maxWarnings = parseMaxWarnings(flags.maxWarnings);
      const format = flags.format as FormatName;
      const failAt = flags.failSeverity as Severity;
      const cwd = process.cwd();
      if (flags.config) checkInputFile(flags.config, '--config', INPUT_LIMITS.json);
      if (flags.baseline) checkInputFile(flags.baseline, '--baseline', INPUT_LIMITS.json);
      const explicitConfig = flags.config ? readConfigFile(flags.config) : undefined;
      const baseline = flags.baseline ? readBaseline(flags.baseline) : undefined;

      const apps = paths.map((p) => loadApp(p));
      // Reports and baselines are checked before any work: never over a file of a linted app.
      const keep: Protected = new Map();
      for (const app of apps) appFiles(app, 'a file of the app being linted', keep);
      const outputs = { '--output': flags.output, '--write-baseline': flags.writeBaseline };
      if (flags.output) checkOutputPath('--output', flags.output, keep, outputs);
      if (flags.writeBaseline) checkOutputPath('--write-baseline', flags.writeBaseline, keep, outputs);

      let all: Diagnostic[] = [];
      let suppressed = 0;
      for (const app of apps) {
        const configFile = explicitConfig ? undefined : findConfigFile([app.root, cwd]);
        const config: LintConfig = { ...(explicitConfig ?? (configFile ? readConfigFile(configFile) : {})) };
        if (flags.profile) config.profile = flags.profile;
        warnUnknownRuleIds(config, configFile ?? flags.config);
        let result: ReturnType<typeof lintApp>;
        try {
          result = lintApp(app, config);
        } catch (e) {
          if (e instanceof UnknownProfileError) throw new UsageError(e.message);
          throw e;
        }
        suppressed += result.suppressed;
        // report paths relative to where the command runs, so editors and CI can open them
        for (const d of capSyntaxErrors(result.diagnostics)) all.push(relocate(d, app.root, cwd));
      }
      all.sort(compareDiagnostics);
      if (flags.writeBaseline) {
        writeText(flags.writeBaseline, `${JSON.stringify(createBaseline(all), null, 2)}\n`);
        process.stderr.write(`make-app: wrote ${all.length} finding(s) to ${flags.writeBaseline}\n`);
      }
      const accept = flags.writeBaseline ? createBaseline(all) : baseline;
      if (accept) {
        const r = applyBaseline(all, accept);
        all = r.kept;
        suppressed += r.accepted;
      }
      const report = FORMATTERS[format](all, { rules: ALL_RULES, suppressed });
      if (flags.output) writeText(flags.output, report);
      else process.stdout.write(report);
      const failing = all.some((d) => SEVERITY_RANK[d.severity] >= SEVERITY_RANK[failAt]);
      const warnings = all.filter((d) => d.severity === 'warning').length;
      // a rule that crashed is an internal error: the report above is shown, but the run is not trusted
      if (all.some((d) => d.ruleId === 'lint/rule-crashed')) setExit(EXIT.error);
      else
        setExit(failing || (maxWarnings !== undefined && warnings > maxWarnings) ? EXIT.findings : EXIT.ok);
    });
}

const warned = new Set<string>();

/** A severity for a rule id nothing reports is almost always a typo: say so (once), but go on. */
function warnUnknownRuleIds(config: LintConfig, file: string | undefined): void {
  for (const id of Object.keys(config.rules ?? {})) {
    const family = id.endsWith('/*') ? id.slice(0, -1) : undefined;
    const known =
      RULES_BY_ID.has(id) ||
      /^(load|schema|lint)\//.test(id) ||
      id === '*' ||
      (family !== undefined && ALL_RULES.some((r) => r.id.startsWith(family)));
    if (known || warned.has(id)) continue;
    warned.add(id);
    process.stderr.write(
      `make-app: warning: ${file ?? 'config'}: no rule "${id}" (see make-app lint --list-rules)\n`,
    );
  }
}

function parseMaxWarnings(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings must be a whole number ≥ 0, got "${v}"`);
  return Number(v);
}

function relocate(d: Diagnostic, root: string, cwd: string): Diagnostic {
  const rel = (f: string) => path.relative(cwd, path.resolve(root, f)).split(path.sep).join('/') || '.';
  return { ...d, file: rel(d.file), related: d.related?.map((r) => ({ ...r, file: rel(r.file) })) };
}

function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(
      `cannot read baseline: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      { file },
    );
  }
  const doc = parseJsonDocument(text, file);
  const syntax = doc.diagnostics.find((d) => d.severity === 'error');
  if (syntax || doc.value === undefined)
    throw new InputError(`baseline is not valid JSON: ${syntax?.message ?? ''}`, {
      file,
      line: syntax?.line,
      column: syntax?.column,
    });
  const problem = baselineProblem(doc.value);
  if (problem) throw new InputError(`not a lint baseline: ${problem}`, { file });
  return doc.value as Baseline;
}

function writeText(file: string, text: string): void {
  try {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    writeFileSync(file, text);
  } catch (e) {
    throw new InputError(`cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, {
      file,
    });
  }
}
