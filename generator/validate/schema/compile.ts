import { readFileSync } from 'node:fs';
import type { Ajv, ValidateFunction } from 'ajv';
import type addFormatsModule from 'ajv-formats';
import { lazyRequire } from '../../model/lazy-require.ts';
import { escapePointerSegment } from '../../model/location.ts';
import { precompiledTitle, precompiledValidator } from './precompiled.ts';
import { BUNDLE_FILE, SCHEMA_NAMES, type SchemaName } from './registry.ts';

/** Annotation keywords our schemas carry for messages and docs (ajv must not reject them). */
const ANNOTATION_KEYWORDS = [
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
  /** Every schema object of the bundle → its JSON pointer (to validate one anyOf branch). */
  pointers: WeakMap<object, string>;
}

let compiled: Compiled | undefined;

// ajv compiles schemas only on an error path (the validators are precompiled): load it then.
const ajvModule = lazyRequire<typeof import('ajv')>('ajv');
const formatsModule = lazyRequire<{ default?: typeof addFormatsModule }>('ajv-formats');
// ajv-formats is CommonJS; its default export is the plugin function.
const addFormats = (ajv: Ajv): Ajv =>
  ((formatsModule.default ?? formatsModule) as unknown as (a: Ajv) => Ajv)(ajv);

/** The one bundle document's id in ajv; each code-type schema is `#/definitions/<name>` in it. */
export const BUNDLE_ID = 'make-app-schemas';

/** The ajv reference of a code-type schema inside the bundle. */
export function schemaRef(name: SchemaName): string {
  return `${BUNDLE_ID}#/definitions/${name}`;
}

/**
 * The ajv instance every validator comes from, at run time and when the validators are generated
 * ahead of time (`source`): the same options, so both validate alike.
 * optimize: false — ajv's code optimiser more than doubles compile time here for no measurable
 * validation gain on app-sized documents.
 */
export function createSchemaAjv(opts: { source?: boolean } = {}): Ajv {
  const ajv = new ajvModule.Ajv({
    allErrors: true,
    verbose: true,
    strict: false,
    allowUnionTypes: true,
    // shared parts of the bundle compile to one function each instead of a copy per use
    inlineRefs: false,
    code: { optimize: false, ...(opts.source ? { source: true } : {}) },
  });
  addFormats(ajv);
  ajv.addVocabulary(ANNOTATION_KEYWORDS);
  return ajv;
}

/** The committed bundle: `{ definitions: { <schema name>: schema } }`, shared parts inlined once. */
export function readSchemaBundle(): { definitions: Record<string, object> } {
  return JSON.parse(readFileSync(BUNDLE_FILE, 'utf8')) as { definitions: Record<string, object> };
}

/** Loads the committed bundle once per process; each schema compiles on first use, then is cached. */
function state(): Compiled {
  if (compiled) return compiled;
  const bundle = readSchemaBundle();
  const ajv = createSchemaAjv();
  const titles = new Map<SchemaName, string>();
  for (const name of SCHEMA_NAMES) {
    const schema = bundle.definitions[name];
    if (!schema)
      throw new Error(
        `schema "${name}" is missing from ${BUNDLE_FILE}; run: npx tsx generator/validate/schema/bundle.ts`,
      );
    titles.set(name, String((schema as { title?: unknown }).title ?? name));
  }
  ajv.addSchema(bundle, BUNDLE_ID);
  compiled = { ajv, pointers: indexPointers(bundle), titles };
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
  v = precompiledValidator(name) ?? explainingValidatorFor(name);
  validators.set(name, v);
  return v;
}

/** The run-time compiled validator: its errors carry the bundle's schema objects (for explaining). */
export function explainingValidatorFor(name: SchemaName): ValidateFunction {
  const v = state().ajv.getSchema(schemaRef(name));
  if (!v) throw new Error(`no schema "${name}"`);
  return v;
}

/**
 * Validator of one sub-schema (e.g. an anyOf branch) of the bundle, found by object identity;
 * undefined when the object is not part of it.
 */
export function fragmentValidator(schemaObject: unknown): ValidateFunction | undefined {
  if (typeof schemaObject !== 'object' || schemaObject === null) return undefined;
  const s = state();
  const pointer = s.pointers.get(schemaObject);
  if (pointer === undefined) return undefined;
  return s.ajv.getSchema(`${BUNDLE_ID}#${pointer}`);
}

/** The schema's `title` (names the whole document in messages). */
export function schemaTitle(name: SchemaName): string {
  return precompiledTitle(name) ?? state().titles.get(name) ?? name;
}
