/** Lint findings → LSP diagnostics, grouped by absolute file path. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range } from 'vscode-languageserver';
import type { Diagnostic, Severity } from '../model/index.ts';
import type { OverlayLintResult } from '../workflow/lint-overlay.ts';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What a code action needs back from the client. */
export interface DiagnosticData {
  pointer: string;
  component?: string;
}

/** 1-based line/column (end exclusive) → 0-based LSP range; a missing end is an empty range. */
export function toRange(d: { line: number; column: number; endLine?: number; endColumn?: number }): Range {
  const start = { line: Math.max(0, d.line - 1), character: Math.max(0, d.column - 1) };
  const end =
    d.endLine !== undefined && d.endColumn !== undefined
      ? { line: Math.max(0, d.endLine - 1), character: Math.max(0, d.endColumn - 1) }
      : start;
  return { start, end };
}

function toLspDiagnostic(d: Diagnostic, root: string): LspDiagnostic {
  const data: DiagnosticData = { pointer: d.pointer, ...(d.component ? { component: d.component } : {}) };
  return {
    range: toRange(d),
    severity: SEVERITY[d.severity],
    code: d.ruleId,
    source: 'make-app',
    message: d.message,
    data,
    ...(d.related?.length
      ? {
          relatedInformation: d.related.map((r) => ({
            location: { uri: pathToFileURL(path.resolve(root, r.file)).href, range: toRange(r) },
            message: r.message ?? '',
          })),
        }
      : {}),
  };
}

/** Every finding of an app (config problems included) by absolute file. */
export function diagnosticsByFile(result: OverlayLintResult): Map<string, LspDiagnostic[]> {
  const root = result.app.root;
  const out = new Map<string, LspDiagnostic[]>();
  for (const d of [...result.diagnostics, ...result.configProblems]) {
    const abs = path.resolve(root, d.file);
    const list = out.get(abs) ?? [];
    list.push(toLspDiagnostic(d, root));
    out.set(abs, list);
  }
  return out;
}
