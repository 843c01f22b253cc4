import { readAppFile } from '../load/index.ts';
import type { AppModel, CodeFile, Diagnostic } from '../model/index.ts';
import { compareDiagnostics } from '../model/index.ts';
import { analyzeApp } from './analysis/index.ts';
import { resolveProfile } from './profiles/index.ts';
import { ALL_RULES } from './rules/index.ts';
import { runRules } from './run-rules.ts';
import { schemaDiagnostics } from './schema-step.ts';
import { severityOrDefault } from './severity.ts';
import { applyBaseline } from './suppress/baseline.ts';
import { matchesAny } from './suppress/globs.ts';
import { type FileSuppressions, isSuppressed, parseSuppressions } from './suppress/inline-comments.ts';
import type { LintConfig, LintResult, Rule } from './types.ts';

export { type Analysis, analyzeApp } from './analysis/index.ts';
export { capSyntaxErrors } from './cap-syntax-errors.ts';
export { CONFIG_SCHEMA } from './config/config-schema.ts';
export { CONFIG_FILE_NAMES, findConfigFile, parseConfig, readConfigFile } from './config/load-config.ts';
export {
  FORMAT_NAMES,
  FORMATTERS,
  type FormatName,
  type FormatOptions,
  type Formatter,
} from './formatters/index.ts';
export * from './profiles/index.ts';
export { ALL_RULES, RULES_BY_ID } from './rules/index.ts';
export { renderRulesDoc } from './rules-doc.ts';
export {
  applyBaseline,
  type Baseline,
  type BaselineEntry,
  baselineProblem,
  createBaseline,
} from './suppress/baseline.ts';
export { readBaselineFile, unusedBaselineEntries } from './suppress/baseline-file.ts';
export type {
  LintConfig,
  LintResult,
  Report,
  Rule,
  RuleCase,
  RuleContext,
  RuleSeveritySetting,
} from './types.ts';

export interface LintOptions {
  /** Run only these rules (rule tests); default: every rule. */
  rules?: readonly Rule[];
  /** Skip the JSON Schema step. */
  skipSchemas?: boolean;
}

/**
 * Lints one loaded app: load diagnostics + schema step + rules, then config severities, inline
 * disable comments, ignore globs and the baseline. Diagnostics come back sorted by file, line,
 * column, rule. Throws UnknownProfileError when `config.profile` names no profile.
 */
export function lintApp(app: AppModel, config: LintConfig = {}, options: LintOptions = {}): LintResult {
  const analysis = analyzeApp(app);
  const profile = resolveProfile(analysis.urls, config.profile, config.profiles);
  const rules = options.rules ?? ALL_RULES;
  const found: Diagnostic[] = [
    ...app.diagnostics,
    ...(options.skipSchemas ? [] : schemaDiagnostics(app)),
    ...runRules(app, analysis, profile, rules, (r) =>
      severityOrDefault(config.rules, r.id, r.defaultSeverity),
    ),
  ];
  let suppressed = 0;
  const texts = fileTexts(app);
  const inline = new Map<string, FileSuppressions>();
  const kept: Diagnostic[] = [];
  for (const d of found) {
    // rules already applied their configured severity; load/schema findings get it here
    const sev = severityOrDefault(config.rules, d.ruleId, d.severity);
    if (sev === 'off') continue;
    if (config.ignore?.length && matchesAny(d.file, config.ignore)) {
      suppressed++;
      continue;
    }
    let s = inline.get(d.file);
    if (!s) {
      s = parseSuppressions(texts.get(d.file) ?? readInside(app, d.file));
      inline.set(d.file, s);
    }
    if (isSuppressed(s, d)) {
      suppressed++;
      continue;
    }
    kept.push(sev === d.severity ? d : { ...d, severity: sev });
  }
  let diagnostics = kept;
  if (config.baseline) {
    const r = applyBaseline(diagnostics, config.baseline);
    diagnostics = r.kept;
    suppressed += r.accepted;
  }
  diagnostics.sort(compareDiagnostics);
  return { diagnostics, suppressed, profile: profile.name };
}

/** A JSON(C) file of the app that is no code document (makecomapp.json, metadata): read it for its comments. */
function readInside(app: AppModel, file: string): string {
  if (!/\.(json|jsonc|imljson)$/i.test(file)) return '';
  return readAppFile(app, file) ?? '';
}

/** Text of every JSON(C) file of the app, for inline comments. */
function fileTexts(app: AppModel): Map<string, string> {
  const out = new Map<string, string>();
  const add = (f: CodeFile | undefined) => {
    if (f && !out.has(f.file) && /\.(json|jsonc|imljson|json5)$/i.test(f.file)) out.set(f.file, f.text);
  };
  for (const f of Object.values(app.general)) add(f);
  for (const kind of Object.values(app.components))
    for (const c of Object.values(kind)) for (const f of Object.values(c?.codes ?? {})) add(f);
  return out;
}
