/**
 * A file that is mostly noise (a binary, a wrong encoding, a million stray commas) yields one
 * syntax error per character. Past the first ones they say nothing new, and hundreds of thousands
 * of them make every report format slow: keep the first per file and add one summary finding.
 */
import type { Diagnostic } from '../model/index.ts';

const SYNTAX = 'load/json-syntax';

export function capSyntaxErrors(diagnostics: Diagnostic[], perFile = 100): Diagnostic[] {
  const seen = new Map<string, number>();
  const firstDropped = new Map<string, Diagnostic>();
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (d.ruleId !== SYNTAX) {
      kept.push(d);
      continue;
    }
    const n = (seen.get(d.file) ?? 0) + 1;
    seen.set(d.file, n);
    if (n <= perFile) kept.push(d);
    else if (!firstDropped.has(d.file)) firstDropped.set(d.file, d);
  }
  for (const [file, d] of firstDropped) {
    const more = (seen.get(file) ?? 0) - perFile;
    kept.push({
      ...d,
      message: `…and ${more} more syntax errors in this file (from here on); fix the first ones, or check that it is a UTF-8 JSON file at all.`,
    });
  }
  return kept;
}
