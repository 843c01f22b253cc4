import type { AppModel, Component, Diagnostic, Severity } from '../model/index.ts';
import { componentId } from '../model/index.ts';
import type { Analysis } from './analysis/index.ts';
import { renderMessage } from './message-template.ts';
import type { ApiProfile } from './profiles/profile.ts';
import type { LocatedReport, Report, Rule, RuleContext } from './types.ts';

/**
 * Runs rules over one analysed app. A rule that throws becomes one `lint/rule-crashed` error on
 * the app instead of stopping the lint (a bug in one rule must not hide every other finding).
 */
export function runRules(
  app: AppModel,
  analysis: Analysis,
  profile: ApiProfile,
  rules: readonly Rule[],
  severityOf: (rule: Rule) => Severity | 'off',
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const severity = severityOf(rule);
    if (severity === 'off') continue;
    const ctx: RuleContext = {
      app,
      analysis,
      profile,
      report: (r) => out.push(toDiagnostic(rule.id, severity, messageOf(rule, r), r)),
    };
    try {
      rule.check(ctx);
    } catch (e) {
      out.push({
        ruleId: 'lint/rule-crashed',
        severity: 'error',
        message: `Rule ${rule.id} failed on this app (${(e as Error)?.message ?? String(e)}); please report it.`,
        file: firstFile(app),
        line: 1,
        column: 1,
        pointer: '',
      });
    }
  }
  return out;
}

function componentName(c: Component | string | undefined): string | undefined {
  if (c === undefined) return undefined;
  return typeof c === 'string' ? c : componentId(c);
}

/** The report's text from the rule's message table; an unknown id is a bug in the rule. */
function messageOf(rule: Rule, r: Report | LocatedReport): string {
  const template = rule.messages[r.messageId];
  if (template === undefined) throw new Error(`unknown message id "${r.messageId}"`);
  return renderMessage(template, r.data);
}

function toDiagnostic(
  ruleId: string,
  severity: Severity,
  message: string,
  r: Report | LocatedReport,
): Diagnostic {
  if ('location' in r) {
    const { file, line, column, endLine, endColumn, pointer } = r.location;
    return clean({
      ruleId,
      messageId: r.messageId,
      severity,
      message,
      file,
      line,
      column,
      endLine,
      endColumn,
      pointer,
      component: componentName(r.component),
      related: r.related,
    });
  }
  let loc = r.code.locate(
    r.pointer,
    r.key ? { key: true } : r.offsetInString !== undefined ? { offsetInString: r.offsetInString } : undefined,
  );
  if (r.key && r.offsetInString !== undefined && loc.line === loc.endLine) {
    // IML inside a property name: move past the opening quote into the key
    loc = { ...loc, column: loc.column + 1 + r.offsetInString };
  }
  const end =
    r.length !== undefined && r.offsetInString !== undefined && !r.key
      ? r.code.locate(r.pointer, { offsetInString: r.offsetInString + r.length })
      : undefined;
  return clean({
    ruleId,
    messageId: r.messageId,
    severity,
    message,
    file: loc.file,
    line: loc.line,
    column: loc.column,
    endLine: end ? end.line : loc.endLine,
    endColumn: end ? end.column : loc.endColumn,
    pointer: r.code.basePointer + r.pointer,
    component: componentName(r.component),
    related: r.related,
  });
}

function clean(d: Diagnostic): Diagnostic {
  for (const k of Object.keys(d) as (keyof Diagnostic)[]) if (d[k] === undefined) delete d[k];
  return d;
}

function firstFile(app: AppModel): string {
  for (const f of Object.values(app.general)) if (f) return f.file;
  for (const kind of Object.values(app.components))
    for (const c of Object.values(kind)) for (const f of Object.values(c.codes)) if (f) return f.file;
  return '.';
}
