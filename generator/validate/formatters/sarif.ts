import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Severity } from '../../model/index.ts';
import type { Formatter } from './types.ts';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** A relative file path as a SARIF artifact URI (forward slashes, percent-encoded segments). */
function uri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

/** SARIF 2.1.0 log with one run; rules come from the catalogue plus any other ids seen (load/schema). */
export const formatSarif: Formatter = (ds, opts) => {
  const known = new Map((opts?.rules ?? []).map((r) => [r.id, r]));
  const ids = [...new Set([...known.keys(), ...ds.map((d) => d.ruleId)])].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const rules: ReportingDescriptor[] = ids.map((id) => {
    const r = known.get(id);
    const level = r ? LEVEL[r.defaultSeverity as Severity] : undefined;
    return {
      id,
      shortDescription: { text: r?.description ?? id },
      ...(r?.docs ? { fullDescription: { text: r.docs } } : {}),
      ...(level ? { defaultConfiguration: { level } } : {}),
    };
  });
  const results: Result[] = ds.map((d) => ({
    ruleId: d.ruleId,
    ruleIndex: index.get(d.ruleId),
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uri(d.file) },
          region: {
            startLine: Math.max(1, d.line),
            startColumn: Math.max(1, d.column),
            ...(d.endLine &&
            d.endColumn &&
            (d.endLine > d.line || (d.endLine === d.line && d.endColumn > d.column))
              ? { endLine: d.endLine, endColumn: d.endColumn }
              : {}),
          },
        },
        ...(d.component ? { logicalLocations: [{ fullyQualifiedName: d.component, kind: 'module' }] } : {}),
      },
    ],
    ...(d.pointer ? { properties: { pointer: d.pointer } } : {}),
    ...(d.related?.length
      ? {
          relatedLocations: d.related.map((r, i) => ({
            id: i,
            physicalLocation: {
              artifactLocation: { uri: uri(r.file) },
              region: { startLine: Math.max(1, r.line), startColumn: Math.max(1, r.column) },
            },
            ...(r.message ? { message: { text: r.message } } : {}),
          })),
        }
      : {}),
  }));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'make-app',
            version: opts?.toolVersion ?? '0.1.0',
            informationUri: 'https://developers.make.com/custom-apps-documentation',
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
