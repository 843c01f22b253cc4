import type { Diagnostic } from '../../model/index.ts';

/**
 * Accepted findings. Entries are matched by rule, file, JSON pointer and message — not by line —
 * so edits elsewhere in a file do not invalidate the baseline. `count` lets one entry accept the
 * same finding several times.
 */
export interface BaselineEntry {
  ruleId: string;
  file: string;
  pointer: string;
  message: string;
  count?: number;
}

export interface Baseline {
  version: 1;
  findings: BaselineEntry[];
}

const keyOf = (d: Pick<Diagnostic, 'ruleId' | 'file' | 'pointer' | 'message'>) =>
  JSON.stringify([d.ruleId, d.file, d.pointer, d.message]);

/** Splits findings into those the baseline accepts and the new ones. */
export function applyBaseline(
  diagnostics: Diagnostic[],
  baseline: Baseline,
): { kept: Diagnostic[]; accepted: number } {
  const budget = new Map<string, number>();
  for (const e of baseline.findings) budget.set(keyOf(e), (budget.get(keyOf(e)) ?? 0) + (e.count ?? 1));
  const kept: Diagnostic[] = [];
  let accepted = 0;
  for (const d of diagnostics) {
    const k = keyOf(d);
    const left = budget.get(k) ?? 0;
    if (left > 0) {
      budget.set(k, left - 1);
      accepted++;
    } else kept.push(d);
  }
  return { kept, accepted };
}

/** A baseline accepting exactly these findings (sorted, deterministic). */
export function createBaseline(diagnostics: Diagnostic[]): Baseline {
  const counts = new Map<string, BaselineEntry>();
  for (const d of diagnostics) {
    const k = keyOf(d);
    const e = counts.get(k);
    if (e) e.count = (e.count ?? 1) + 1;
    else counts.set(k, { ruleId: d.ruleId, file: d.file, pointer: d.pointer, message: d.message });
  }
  const findings = [...counts.values()].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.pointer.localeCompare(b.pointer) ||
      a.message.localeCompare(b.message),
  );
  return { version: 1, findings };
}

/** Checks the shape of a parsed baseline file; returns a reason when it is not one. */
export function baselineProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'a baseline is a JSON object';
  const v = value as { version?: unknown; findings?: unknown };
  if (v.version !== 1) return '"version" must be 1';
  if (!Array.isArray(v.findings)) return '"findings" must be an array';
  for (const [i, f] of v.findings.entries()) {
    const e = f as Record<string, unknown>;
    for (const k of ['ruleId', 'file', 'pointer', 'message'])
      if (typeof e?.[k] !== 'string') return `findings[${i}].${k} must be a string`;
    if (e.count !== undefined && !(Number.isInteger(e.count) && (e.count as number) > 0))
      return `findings[${i}].count must be a positive integer`;
  }
  return undefined;
}
