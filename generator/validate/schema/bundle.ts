import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import $RefParser from '@apidevtools/json-schema-ref-parser';
import { BUNDLE_FILE, SCHEMA_NAMES, schemaFile } from './registry.ts';

/**
 * Bundles every code-type schema with json-schema-ref-parser: references into `schemas/defs/*.json`
 * are inlined once and pointed at internally, so ajv can compile each schema without file access.
 * The result is deterministic JSON (the validator loads it synchronously).
 */
export async function bundleAllSchemas(): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const name of SCHEMA_NAMES) {
    const schema = (await $RefParser.bundle(schemaFile(name))) as Record<string, unknown>;
    delete schema.$id;
    // Examples live in the source files (and the docs); the validator does not need them.
    delete schema.examples;
    delete schema['x-antiExamples'];
    out[name] = schema;
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

export async function writeBundle(): Promise<void> {
  mkdirSync(path.dirname(BUNDLE_FILE), { recursive: true });
  writeFileSync(BUNDLE_FILE, await bundleAllSchemas());
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  await writeBundle();
  console.log(`wrote ${path.relative(process.cwd(), BUNDLE_FILE)}`);
}
