import type { Diagnostic } from '../../model/index.ts';

export interface FormatOptions {
  /** Rule metadata for formats that describe rules (SARIF). */
  rules?: readonly { id: string; description: string; docs?: string; defaultSeverity: string }[];
  toolVersion?: string;
  /** Number of findings hidden by inline comments / baseline (shown in summaries). */
  suppressed?: number;
}

export type Formatter = (diagnostics: readonly Diagnostic[], opts?: FormatOptions) => string;

export function counts(ds: readonly Diagnostic[]): { error: number; warning: number; info: number } {
  const c = { error: 0, warning: 0, info: 0 };
  for (const d of ds) c[d.severity]++;
  return c;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Findings grouped by file, in first-seen order (linear: formats must stay fast on 100k findings). */
export function groupByFile(ds: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of ds) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  return byFile;
}
