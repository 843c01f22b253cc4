/**
 * Which of our JSON Schemas applies to which file of a loaded app, as file patterns an editor can
 * use (VS Code's `json.schemas`). A code type whose schema never depends on the component's type
 * gets one glob per folder (new files are covered too); the others (a module's communication
 * depends on its module type) are listed file by file.
 */
import path from 'node:path';
import type { AppModel, ComponentCodeType } from '../../model/index.ts';
import { schemaForComponentCode, schemaForGeneralCode } from './choose.ts';
import type { SchemaName } from './registry.ts';

export interface SchemaAssociation {
  schema: SchemaName;
  /** Patterns relative to the app root, forward slashes. */
  fileMatch: string[];
}

export function schemaAssociations(app: AppModel): SchemaAssociation[] {
  if (app.layout === 'bundle') return [];
  const files = new Map<string, SchemaName>(); // file → schema
  const manifest = 'makecomapp.json';
  if (app.layout === 'local-dev') files.set(manifest, 'makecomapp');
  for (const [type, code] of Object.entries(app.general)) {
    const name = schemaForGeneralCode(type as ComponentCodeType);
    if (name && code && !code.basePointer) files.set(code.file, name);
  }
  for (const byName of Object.values(app.components))
    for (const c of Object.values(byName))
      for (const [type, code] of Object.entries(c.codes)) {
        const name = code && !code.basePointer && schemaForComponentCode(c, type as ComponentCodeType);
        if (name) files.set(code.file, name);
      }
  // A (top folder, file suffix) pair is globbed when every file it covers has the same schema.
  const bySlot = new Map<string, Set<SchemaName>>();
  const slot = (file: string) => {
    const base = path.posix.basename(file);
    const dot = base.indexOf('.');
    return dot < 0 ? undefined : `${file.split('/')[0]}/**/*${base.slice(dot)}`;
  };
  for (const [file, schema] of files) {
    const s = slot(file);
    if (s && file.includes('/')) bySlot.set(s, (bySlot.get(s) ?? new Set()).add(schema));
  }
  const out = new Map<SchemaName, Set<string>>();
  for (const [file, schema] of files) {
    const s = slot(file);
    const pattern = s && file.includes('/') && bySlot.get(s)!.size === 1 ? s : file;
    out.set(schema, (out.get(schema) ?? new Set()).add(pattern));
  }
  return [...out]
    .map(([schema, patterns]) => ({ schema, fileMatch: [...patterns].sort() }))
    .sort((a, b) => a.schema.localeCompare(b.schema));
}
