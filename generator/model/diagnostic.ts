import type { SourceLocation } from './location.ts';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * The one diagnostics type every stage reports with (loader, schemas, rules, compiler, simulator).
 * Formatters only ever read this shape.
 */
export interface Diagnostic {
  /** Rule id, e.g. `iml/unknown-function`, `schema/module-communication`, `load/json-syntax`. */
  ruleId: string;
  /** Which of the rule's messages this is (rules only), e.g. `zeroIndex`; stable across wording fixes. */
  messageId?: string;
  severity: Severity;
  /** What is wrong and what to do about it, naming the root cause. */
  message: string;
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** JSON pointer of the offending value inside `file` ('' for the whole file). */
  pointer: string;
  /** Component the finding belongs to, e.g. `modules.listMovies`, `connections.academy`, `base`. */
  component?: string;
  /** Other places that explain the finding (e.g. the authorize redirect_uri a token one differs from). */
  related?: (SourceLocation & { message?: string })[];
  /** The TypeScript line in app-src/ that produced the JSON, when the app was compiled. */
  origin?: { file: string; line: number; column: number };
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.message.localeCompare(b.message)
  );
}

/** A diagnostic placed at a source location (the one way stages turn a location into a finding). */
export function diagnosticAt(
  ruleId: string,
  severity: Severity,
  message: string,
  loc: SourceLocation,
  component?: string,
): Diagnostic {
  return {
    ruleId,
    severity,
    message,
    file: loc.file,
    line: loc.line,
    column: loc.column,
    endLine: loc.endLine,
    endColumn: loc.endColumn,
    pointer: loc.pointer,
    ...(component ? { component } : {}),
  };
}
