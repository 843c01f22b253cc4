/**
 * JSON keys and enum values from the project's schemas, outside `{{ }}`: each code document is
 * handed to vscode-json-languageservice under a name that selects its schema.
 */
import { readFileSync } from 'node:fs';
import { type CompletionList, getLanguageService, type LanguageService } from 'vscode-json-languageservice';
import type { Position } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { schemaForComponentCode, schemaForGeneralCode } from '../validate/schema/choose.ts';
import { BUNDLE_FILE, SCHEMA_NAMES, type SchemaName } from '../validate/schema/registry.ts';
import type { CodeAt } from './workspace.ts';

let service: LanguageService | undefined;

/** Where a schema's documents live for the JSON service (a name, never a real file). */
const docUri = (name: string) => `file:///make-app-schemas/${name}.code.json`;

function jsonService(): LanguageService {
  if (service) return service;
  // One bundle document (shared parts inlined once); each code type's schema points into it.
  const bundle = JSON.parse(readFileSync(BUNDLE_FILE, 'utf8')) as { definitions: Record<string, object> };
  const bundleUri = 'make-app://schemas/bundle.json';
  service = getLanguageService({});
  service.configure({
    validate: false, // findings come from the linter, with rule ids
    allowComments: true,
    schemas: [
      { uri: bundleUri, schema: bundle },
      ...SCHEMA_NAMES.filter((n) => bundle.definitions[n]).map((n) => ({
        uri: `make-app://schemas/${n}.schema.json`,
        fileMatch: [`/make-app-schemas/${n}.code.json`],
        schema: { $ref: `${bundleUri}#/definitions/${n}` },
      })),
    ],
  });
  return service;
}

/** The schema of a whole-file code document (bundle sections and plain files get none). */
export function schemaOf(where: CodeAt | undefined, fileName: string): SchemaName | undefined {
  if (fileName === 'makecomapp.json') return 'makecomapp';
  if (where?.code.basePointer !== '') return undefined;
  return where.component
    ? schemaForComponentCode(where.component, where.code.codeType as never)
    : schemaForGeneralCode(where.code.codeType);
}

export async function jsonCompletion(
  schema: SchemaName,
  text: string,
  position: Position,
): Promise<CompletionList | null> {
  const svc = jsonService();
  const doc = TextDocument.create(docUri(schema), 'json', 0, text);
  return svc.doComplete(doc, position, svc.parseJSONDocument(doc));
}
