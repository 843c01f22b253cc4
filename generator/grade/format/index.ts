import type { ClassReport } from '../types.ts';
import { formatCsv } from './csv.ts';
import { formatHtml } from './html.ts';
import { formatJson } from './json.ts';
import { formatJunit } from './junit.ts';
import type { ClassFormat } from './names.ts';
import { formatText } from './text.ts';

export type { ClassFormat };

const FORMATTERS: Record<ClassFormat, (r: ClassReport) => string> = {
  text: formatText,
  json: formatJson,
  csv: formatCsv,
  html: formatHtml,
  junit: formatJunit,
};

export function formatClassReport(report: ClassReport, format: ClassFormat): string {
  return FORMATTERS[format](report);
}
