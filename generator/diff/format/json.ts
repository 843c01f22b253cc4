import type { DiffReport } from '../types.ts';

/** The whole report as JSON (stable: the report is built in a deterministic order). */
export function formatJson(r: DiffReport): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}
