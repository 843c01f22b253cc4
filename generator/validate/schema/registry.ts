import path from 'node:path';
import { packageFile } from '../../model/package-files.ts';

/** Folder holding the JSON Schemas (`schemas/` at the repository root). */
export const SCHEMAS_DIR = packageFile('schemas');
/** The committed bundle of every code-type schema (external `$ref`s inlined). */
export const BUNDLE_FILE = path.join(SCHEMAS_DIR, 'bundled', 'code-schemas.json');

/** Every code-type schema, by name (`schemas/<name>.schema.json`, rule id `schema/<name>`). */
export const SCHEMA_NAMES = [
  'base',
  'common',
  'groups',
  'makecomapp',
  'connection-communication-basic',
  'connection-communication-oauth',
  'connection-params',
  'connection-scope-list',
  'connection-default-scope',
  'connection-install-spec',
  'connection-install-directives',
  'module-communication-action',
  'module-communication-search',
  'module-communication-trigger',
  'module-communication-instant-trigger',
  'module-communication-responder',
  'module-communication-universal',
  'module-epoch',
  'module-static-params',
  'module-mappable-params',
  'module-interface',
  'module-samples',
  'module-scope',
  'rpc-communication',
  'rpc-params',
  'webhook-communication',
  'webhook-params',
  'webhook-attach',
  'webhook-detach',
  'webhook-update',
  'webhook-required-scope',
] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

export function schemaFile(name: SchemaName): string {
  return path.join(SCHEMAS_DIR, `${name}.schema.json`);
}
