import type { ClassReport } from '../types.ts';
import { formatCsv } from './csv.ts';
import { formatHtml } from './html.ts';
import { formatJson } from './json.ts';
import { formatJunit } from './junit.ts';
import { formatText } from './text.ts';

const CLASS_FORMATS = ['text', 'json', 'csv', 'html', 'junit'] as const;
export type ClassFormat = (typeof CLASS_FORMATS)[number];

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
