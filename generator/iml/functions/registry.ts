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

export const BUILTIN_FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map(
  ALL.map((f) => [
    f.name,
    { name: f.name, minArity: f.minArity, maxArity: f.maxArity, doc: f.doc, category: f.category },
  ]),
);
