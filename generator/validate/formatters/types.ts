import path from 'node:path';
import { type Diagnostic, groupBy } from '../../model/index.ts';

export interface FormatOptions {
  /** Rule metadata for formats that describe rules (SARIF). */
  rules?: readonly { id: string; description: string; docs?: string; defaultSeverity: string }[];
  toolVersion?: string;
  /** Number of findings hidden by inline comments / baseline (shown in summaries). */
  suppressed?: number;
  /**
   * Absolute path of the app root. When given, finding paths are relative to it: SARIF resolves
   * them through `originalUriBaseIds` and `github` re-bases them on `repositoryRoot`.
   */
  appRoot?: string;
  /** Absolute path of the repository checkout (e.g. GITHUB_WORKSPACE), for repository-relative paths. */
  repositoryRoot?: string;
  /** The run fails on warnings too (e.g. `--max-warnings` exceeded): JUnit then counts them as failures. */
  warningsFail?: boolean;
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
  return groupBy(ds, (d) => d.file);
}

/** A finding's path relative to the repository when both roots are known, else as given. */
export function repositoryPath(file: string, opts: FormatOptions | undefined): string {
  if (!opts?.appRoot || !opts.repositoryRoot) return file;
  const abs = path.resolve(opts.appRoot, file);
  return path.relative(opts.repositoryRoot, abs).split(path.sep).join('/');
}
