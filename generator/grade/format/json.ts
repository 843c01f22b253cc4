import type { ClassReport } from '../types.ts';

/** The class report as JSON: `{ reference, students, summary }` (see ../types.ts). */
export function formatJson(report: ClassReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
