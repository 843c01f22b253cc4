/** Every built-in function, declared once; the public spec map is derived from the same list. */
import type { FunctionSpec } from '../api.ts';
import type { BuiltinFunction } from './define.ts';
import { GENERAL_FUNCTIONS } from './general.ts';

const ALL: BuiltinFunction[] = [...GENERAL_FUNCTIONS];

export const BUILTINS: ReadonlyMap<string, BuiltinFunction> = new Map(ALL.map((f) => [f.name, f]));

export const BUILTIN_FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map(
  ALL.map((f) => [f.name, { name: f.name, minArity: f.minArity, maxArity: f.maxArity, doc: f.doc, category: f.category }]),
);
