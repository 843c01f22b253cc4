/** Every built-in function, declared once; the public spec map is derived from the same list. */
import type { FunctionSpec } from '../api.ts';
import { ARRAY_FUNCTIONS } from './array.ts';
import { CRYPTO_FUNCTIONS } from './crypto.ts';
import { DATE_FUNCTIONS } from './date.ts';
import type { BuiltinFunction } from './define.ts';
import { GENERAL_FUNCTIONS } from './general.ts';
import { JSON_FUNCTIONS } from './json.ts';
import { MATH_FUNCTIONS } from './math.ts';
import { TEXT_FUNCTIONS } from './text.ts';

const ALL: BuiltinFunction[] = [
  ...GENERAL_FUNCTIONS,
  ...MATH_FUNCTIONS,
  ...TEXT_FUNCTIONS,
  ...DATE_FUNCTIONS,
  ...ARRAY_FUNCTIONS,
  ...JSON_FUNCTIONS,
  ...CRYPTO_FUNCTIONS,
];

// Declared once: a duplicate name is a programming error caught at load time.
const names = new Set<string>();
for (const f of ALL) {
  if (names.has(f.name)) throw new Error(`IML function ${f.name} is declared twice`);
  names.add(f.name);
}

export const BUILTINS: ReadonlyMap<string, BuiltinFunction> = new Map(ALL.map((f) => [f.name, f]));

/** The public part of each declaration (no implementation), for the analysis, the rules and editors. */
function publicSpec({
  name,
  category,
  signature,
  rendered,
  description,
  minArity,
  maxArity,
  doc,
}: FunctionSpec) {
  return { name, category, signature, rendered, description, minArity, maxArity, doc };
}

export const BUILTIN_FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map(
  ALL.map((f) => [f.name, publicSpec(f)]),
);

/**
 * Every built-in's signature, sorted by name: what a language server offers as completions and
 * the function reference lists. Stable API: fields are only ever added.
 */
export function functionSignatures(): FunctionSpec[] {
  return [...BUILTIN_FUNCTIONS.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** One built-in's signature and description (hover text), or undefined for an unknown name. */
export function describeFunction(name: string): FunctionSpec | undefined {
  return BUILTIN_FUNCTIONS.get(name);
}
