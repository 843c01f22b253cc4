import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { escapePointerSegment } from '../../model/location.ts';
import { BUNDLE_FILE, SCHEMA_NAMES, type SchemaName } from './registry.ts';

/** Annotation keywords our schemas carry for messages and docs (ajv must not reject them). */
export const ANNOTATION_KEYWORDS = [
  'x-errorMessage',
  'x-notAllowedHere',
  'x-place',
  'x-requiredMessage',
  'x-antiExamples',
  'x-severity',
];

interface Compiled {
  ajv: Ajv;
  titles: Map<SchemaName, string>;
  /** Every schema object of each bundled schema → its JSON pointer (to validate one anyOf branch). */
  pointers: Map<SchemaName, WeakMap<object, string>>;
}

let compiled: Compiled | undefined;

// ajv-formats is CommonJS; its default export is the plugin function.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

/** Loads the committed bundle once per process; each schema compiles on first use, then is cached. */
function state(): Compiled {
  if (compiled) return compiled;
  const bundle = JSON.parse(readFileSync(BUNDLE_FILE, 'utf8')) as Record<string, object>;
  // optimize: false — ajv's code optimiser more than doubles compile time here for no measurable
  // validation gain on app-sized documents.
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: false,
    allowUnionTypes: true,
    code: { optimize: false },
  });
  addFormats(ajv);
  ajv.addVocabulary(ANNOTATION_KEYWORDS);
  const pointers = new Map<SchemaName, WeakMap<object, string>>();
  const titles = new Map<SchemaName, string>();
  for (const name of SCHEMA_NAMES) {
    const schema = bundle[name];
    if (!schema)
      throw new Error(
        `schema "${name}" is missing from ${BUNDLE_FILE}; run: npx tsx generator/validate/schema/bundle.ts`,
      );
    ajv.addSchema(schema, name);
    pointers.set(name, indexPointers(schema));
    titles.set(name, String((schema as { title?: unknown }).title ?? name));
  }
  compiled = { ajv, pointers, titles };
  return compiled;
}

function indexPointers(root: object): WeakMap<object, string> {
  const map = new WeakMap<object, string>();
  const walk = (node: unknown, pointer: string) => {
    if (typeof node !== 'object' || node === null || map.has(node)) return;
    map.set(node, pointer);
    for (const [k, v] of Object.entries(node)) walk(v, `${pointer}/${escapePointerSegment(k)}`);
  };
  walk(root, '');
  return map;
}

const validators = new Map<SchemaName, ValidateFunction>();

export function validatorFor(name: SchemaName): ValidateFunction {
  let v = validators.get(name);
  if (v) return v;
  v = state().ajv.getSchema(name);
  if (!v) throw new Error(`no schema "${name}"`);
  validators.set(name, v);
  return v;
}

/**
 * Validator of one sub-schema (e.g. an anyOf branch) of schema `name`, found by object identity;
 * undefined when the object is not part of that schema.
 */
export function fragmentValidator(name: SchemaName, schemaObject: unknown): ValidateFunction | undefined {
  if (typeof schemaObject !== 'object' || schemaObject === null) return undefined;
  const s = state();
  const pointer = s.pointers.get(name)?.get(schemaObject);
  if (pointer === undefined) return undefined;
  return s.ajv.getSchema(`${name}#${pointer}`);
}

/** The schema's `title` (names the whole document in messages). */
export function schemaTitle(name: SchemaName): string {
  return state().titles.get(name) ?? name;
}
