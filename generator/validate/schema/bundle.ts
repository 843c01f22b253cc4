import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import $RefParser from '@apidevtools/json-schema-ref-parser';
import { escapePointerSegment, unescapePointerSegment } from '../../model/location.ts';
import { BUNDLE_FILE, SCHEMA_NAMES, SCHEMAS_DIR } from './registry.ts';

/**
 * Bundles every code-type schema into one document with json-schema-ref-parser: each schema is
 * `definitions/<name>`, and what several of them share (`defs/parameter.json`, `defs/request.json`)
 * is inlined once and pointed at from the others. Ajv then compiles each shared part once, which
 * keeps the precompiled validators small. Deterministic JSON (the validator loads it synchronously).
 */
export async function bundleAllSchemas(): Promise<string> {
  const wrapper = {
    definitions: Object.fromEntries(SCHEMA_NAMES.map((name) => [name, { $ref: `${name}.schema.json` }])),
  };
  const bundled = (await $RefParser.bundle(path.join(SCHEMAS_DIR, 'all.schema.json'), wrapper, {})) as {
    definitions: Record<string, Record<string, unknown>>;
  };
  for (const name of SCHEMA_NAMES) {
    const schema = bundled.definitions[name]!;
    delete schema.$id;
    delete schema.$schema;
    // Examples live in the source files (and the docs); the validator does not need them.
    delete schema.examples;
    delete schema['x-antiExamples'];
  }
  directRefs(bundled);
  return `${JSON.stringify(bundled, null, 2)}\n`;
}

/**
 * The bundler may point *through* another `$ref` (`#/a/b` where `#/a` is itself a `$ref`); ajv
 * resolves a pointer only through real schema objects, so every `$ref` is rewritten to the place
 * it finally lands on.
 */
function directRefs(doc: object): void {
  const segments = (ref: string) => ref.slice(2).split('/').map(unescapePointerSegment);
  const land = (ref: string, depth = 0): string => {
    if (depth > 50) throw new Error(`$ref cycle at ${ref}`);
    let node: unknown = doc;
    const parts = segments(ref);
    for (const [i, part] of parts.entries()) {
      const target = (node as Record<string, unknown>)?.$ref;
      if (typeof target === 'string' && target.startsWith('#/')) {
        const rest = parts.slice(i).map(escapePointerSegment).join('/');
        return land(`${land(target, depth + 1)}/${rest}`, depth + 1);
      }
      node = (node as Record<string, unknown>)?.[part];
    }
    return ref;
  };
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const obj = node as Record<string, unknown>;
    if (typeof obj.$ref === 'string' && obj.$ref.startsWith('#/')) obj.$ref = land(obj.$ref);
    for (const v of Object.values(obj)) walk(v);
  };
  walk(doc);
}

async function writeBundle(): Promise<void> {
  mkdirSync(path.dirname(BUNDLE_FILE), { recursive: true });
  writeFileSync(BUNDLE_FILE, await bundleAllSchemas());
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writeBundle();
  console.log(`wrote ${path.relative(process.cwd(), BUNDLE_FILE)}`);
}
