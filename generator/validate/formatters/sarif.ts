import path from 'node:path';
import { pathToFileURL } from 'node:url';
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

/** SARIF `logicalLocation.kind` of a component id (`modules.x`, `connections.y`, `base`). */
function logicalKind(component: string): string {
  if (component.startsWith('modules.')) return 'module';
  if (component.startsWith('functions.')) return 'function';
  return 'resource'; // connections, webhooks, RPCs, base, groups: parts of the app, not modules
}

/**
 * Where relative paths resolve: APPROOT (the app folder; below SRCROOT when the repository is
 * known, so code-scanning tools can place findings in the repository).
 */
function uriBases(
  opts: Parameters<Formatter>[1],
): Record<string, { uri: string; uriBaseId?: string }> | undefined {
  if (!opts?.appRoot) return undefined;
  const dirUri = (p: string) => pathToFileURL(p.endsWith(path.sep) ? p : `${p}${path.sep}`).href;
  if (!opts.repositoryRoot) return { APPROOT: { uri: dirUri(opts.appRoot) } };
  const rel = path.relative(opts.repositoryRoot, opts.appRoot).split(path.sep).join('/');
  return {
    SRCROOT: { uri: dirUri(opts.repositoryRoot) },
    APPROOT: { uri: rel === '' ? '' : `${uri(rel)}/`, uriBaseId: 'SRCROOT' },
  };
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
  const bases = uriBases(opts);
  const artifact = (file: string) => ({ uri: uri(file), ...(bases ? { uriBaseId: 'APPROOT' } : {}) });
  const results: Result[] = ds.map((d) => ({
    ruleId: d.ruleId,
    ruleIndex: index.get(d.ruleId),
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact(d.file),
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
        ...(d.component
          ? { logicalLocations: [{ fullyQualifiedName: d.component, kind: logicalKind(d.component) }] }
          : {}),
      },
    ],
    ...(d.pointer ? { properties: { pointer: d.pointer } } : {}),
    ...(d.related?.length
      ? {
          relatedLocations: d.related.map((r, i) => ({
            id: i,
            physicalLocation: {
              artifactLocation: artifact(r.file),
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
        ...(bases ? { originalUriBaseIds: bases } : {}),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
