import path from 'node:path';
import { type Diagnostic, SEVERITY_RANK, type Severity } from '../../model/index.ts';
import { ALL_RULES, FORMATTERS, type FormatName, type FormatOptions } from '../../validate/index.ts';
import { lint } from '../../workflow/lint.ts';
import { writeOutput } from '../../workflow/output-guard.ts';
import { EXIT, UsageError } from '../errors.ts';

export interface LintFlags {
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

export function runLint(paths: string[], flags: LintFlags): number {
  if (flags.listRules) {
    for (const r of ALL_RULES)
      process.stdout.write(`${r.id.padEnd(44)} ${r.defaultSeverity.padEnd(8)} ${r.description}\n`);
    return EXIT.ok;
  }
  const maxWarnings = parseMaxWarnings(flags.maxWarnings);
  const result = lint({
    paths,
    configFile: flags.config,
    profile: flags.profile,
    baselineFile: flags.baseline,
    createBaseline: Boolean(flags.writeBaseline),
    outputs: { '--output': flags.output, '--write-baseline': flags.writeBaseline },
  });
  for (const n of result.notices) process.stderr.write(`make-app: warning: ${n}\n`);
  if (flags.writeBaseline && result.baseline) {
    writeOutput(flags.writeBaseline, `${JSON.stringify(result.baseline, null, 2)}\n`);
    const count = result.baseline.findings.reduce((n, e) => n + (e.count ?? 1), 0);
    process.stderr.write(`make-app: wrote ${count} finding(s) to ${flags.writeBaseline}\n`);
  } else if (flags.baseline && result.unusedBaseline.length > 0) {
    process.stderr.write(
      `make-app: warning: ${result.unusedBaseline.length} baseline entr${result.unusedBaseline.length === 1 ? 'y matches' : 'ies match'} no finding (fixed, or written for another app): delete ${result.unusedBaseline.length === 1 ? 'it' : 'them'} from ${flags.baseline}\n`,
    );
    for (const e of result.unusedBaseline.slice(0, 10))
      process.stderr.write(`  ${e.ruleId} ${e.file}${e.pointer}\n`);
  }
  const failAt = flags.failSeverity as Severity;
  const failing = result.diagnostics.some((d) => SEVERITY_RANK[d.severity] >= SEVERITY_RANK[failAt]);
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
  const format = flags.format as FormatName;
  const [diagnostics, roots] = located(result, format);
  const report = FORMATTERS[format](diagnostics, {
    ...roots,
    rules: ALL_RULES,
    suppressed: result.suppressed,
    // JUnit counts warnings as failures only when they fail this run
    warningsFail: tooManyWarnings || SEVERITY_RANK.warning >= SEVERITY_RANK[failAt],
  });
  if (flags.output) writeOutput(flags.output, report);
  else process.stdout.write(report);
  // a rule that crashed is an internal error: the report above is shown, but the run is not trusted
  if (result.ruleCrashed) return EXIT.error;
  if (tooManyWarnings) {
    process.stderr.write(`make-app: too many warnings (${warnings}, maximum ${maxWarnings})\n`);
    return EXIT.findings;
  }
  return failing ? EXIT.findings : EXIT.ok;
}

/**
 * Findings and the roots their paths are relative to, for the machine formats. One app: relative
 * to its root, which SARIF
 * declares in `originalUriBaseIds` and `github` re-bases on the repository (GITHUB_WORKSPACE, else
 * the working folder). Several apps: relative to the working folder, declared the same way.
 */
function located(result: ReturnType<typeof lint>, format: FormatName): [Diagnostic[], FormatOptions] {
  // the other formats are read by people: paths relative to where the command runs
  if (format !== 'sarif' && format !== 'github') return [result.diagnostics, {}];
  const cwd = process.cwd();
  const repositoryRoot = process.env.GITHUB_WORKSPACE ?? cwd;
  const only = result.apps.length === 1 ? result.apps[0] : undefined;
  if (only) return [only.diagnostics, { appRoot: path.resolve(only.app.root), repositoryRoot }];
  return [result.diagnostics, { appRoot: cwd, repositoryRoot }];
}

function parseMaxWarnings(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings must be a whole number ≥ 0, got "${v}"`);
  return Number(v);
}
