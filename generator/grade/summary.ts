import { CHANGE_CODES } from '../diff/codes.ts';
import type { ClassSummary, MistakeCount, StudentRow } from './types.ts';

const TOP_MISTAKES = 15;

/** The class at a glance: pass rate, grade distribution and the most common mistakes by code. */
export function summarize(students: StudentRow[], passMark: number): ClassSummary {
  const graded = students.filter((s) => !s.error);
  const grades = graded.map((s) => s.grade).sort((a, b) => a - b);
  const distribution = new Array(11).fill(0);
  for (const s of students) distribution[Math.min(10, Math.floor(s.grade / 10))]++;
  const byCode = new Map<string, MistakeCount>();
  for (const s of graded) {
    for (const ch of uniqueBy(s.changes, (c) => c.code)) {
      if (ch.class === 'equivalent') continue;
      const m = byCode.get(ch.code) ?? {
        code: ch.code,
        class: ch.class,
        students: 0,
        summary: Object.hasOwn(CHANGE_CODES, ch.code) ? CHANGE_CODES[ch.code].summary : '',
      };
      m.students++;
      byCode.set(ch.code, m);
    }
  }
  const rank = { breaking: 0, behavioural: 1, cosmetic: 2, equivalent: 3 };
  const mistakes = [...byCode.values()]
    .sort((a, b) => b.students - a.students || rank[a.class] - rank[b.class] || a.code.localeCompare(b.code))
    .slice(0, TOP_MISTAKES);
  const mid = grades.length / 2;
  return {
    students: students.length,
    passed: students.filter((s) => s.passed).length,
    failed: students.filter((s) => !s.passed).length,
    errors: students.length - graded.length,
    equivalent: students.filter((s) => s.equivalent).length,
    passMark,
    mean: grades.length ? Math.round((10 * grades.reduce((n, g) => n + g, 0)) / grades.length) / 10 : 0,
    median: grades.length
      ? grades.length % 2
        ? grades[Math.floor(mid)]
        : (grades[mid - 1] + grades[mid]) / 2
      : 0,
    distribution,
    mistakes,
  };
}

function uniqueBy<T>(list: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((t) => !seen.has(key(t)) && seen.add(key(t)) !== undefined);
}
