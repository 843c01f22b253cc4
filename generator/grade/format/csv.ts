import { CHANGE_CLASSES } from '../../diff/types.ts';
import type { ClassReport, StudentRow } from '../types.ts';

const TOP = 3;

/** One row per student for spreadsheets and LMS import (RFC 4180 quoting, formula-safe cells). */
export function formatCsv(report: ClassReport): string {
  const head = ['path', 'grade', 'passed', 'equivalent', ...CHANGE_CLASSES, 'top_mistakes', 'error'];
  const rows = report.students.map((s) => [
    s.path,
    String(s.grade),
    String(s.passed),
    String(s.equivalent),
    ...CHANGE_CLASSES.map((c) => String(s.counts[c])),
    topMistakes(s).join('; '),
    s.error ?? '',
  ]);
  return `${[head, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** The student's most serious change codes, each once. */
function topMistakes(s: StudentRow): string[] {
  const rank = { breaking: 0, behavioural: 1, cosmetic: 2, equivalent: 3 };
  const codes: string[] = [];
  for (const c of [...s.changes].sort((a, b) => rank[a.class] - rank[b.class]))
    if (!codes.includes(c.code) && codes.length < TOP) codes.push(c.code);
  return codes;
}

/** Quotes when needed; a leading =, +, - or @ is escaped so a spreadsheet never runs it as a formula. */
function cell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
