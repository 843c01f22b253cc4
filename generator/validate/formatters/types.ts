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
