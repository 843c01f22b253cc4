/**
 * Reading a baseline file, the one way `lint --baseline` and `build` (its `lint-baseline.json`)
 * both do it: parsed by the loader's JSON parser, so a syntax error comes with line and column.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseJsonDocument } from '../../load/index.ts';
import { InputError } from '../../model/errors.ts';
import type { Diagnostic } from '../../model/index.ts';
import { type Baseline, type BaselineEntry, baselineProblem } from './baseline.ts';

export interface ReadBaselineOptions {
  /** Every entry must say why it was accepted (`reason`), as the committed app baselines do. */
  requireReasons?: boolean;
  /** A missing file is no baseline rather than an error. */
  optional?: boolean;
}

export function readBaselineFile(file: string, opts: ReadBaselineOptions = {}): Baseline | undefined {
  if (opts.optional && !existsSync(file)) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(
      `cannot read baseline: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      {
        file,
      },
    );
  }
  const doc = parseJsonDocument(text, file);
  const syntax = doc.diagnostics.find((d) => d.severity === 'error');
  if (syntax || doc.value === undefined)
    throw new InputError(`baseline is not valid JSON: ${syntax?.message ?? 'no value'}`, {
      file,
      line: syntax?.line,
      column: syntax?.column,
    });
  const problem = baselineProblem(doc.value);
  if (problem) throw new InputError(`not a lint baseline: ${problem}`, { file });
  const parsed = doc.value as { findings: Record<string, unknown>[] };
  const findings = parsed.findings.map((f) => {
    if (opts.requireReasons && (typeof f.reason !== 'string' || !f.reason.trim()))
      throw new InputError(
        `every accepted finding needs a "reason" (${String(f.ruleId)} at ${String(f.file)})`,
        { file },
      );
    const { reason: _reason, ...entry } = f;
    return entry as unknown as BaselineEntry;
  });
  return { version: 1, findings };
}

/** Entries that matched no finding: the finding is gone, so the entry should be deleted. */
export function unusedBaselineEntries(found: Diagnostic[], baseline: Baseline): BaselineEntry[] {
  const key = (d: Pick<Diagnostic, 'ruleId' | 'file' | 'pointer' | 'message'>) =>
    JSON.stringify([d.ruleId, d.file, d.pointer, d.message]);
  const seen = new Map<string, number>();
  for (const d of found) seen.set(key(d), (seen.get(key(d)) ?? 0) + 1);
  return baseline.findings.filter((e) => (seen.get(key(e)) ?? 0) === 0);
}
