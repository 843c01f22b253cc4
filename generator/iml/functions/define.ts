/**
 * How a built-in function is declared: once, with its name, arity, one-line doc and category
 * (the public FunctionSpec), plus the implementation. Lazy functions get thunks instead of values.
 */
import type { FunctionSpec } from '../api.ts';
import type { Env } from '../runtime/env.ts';

export type Thunk = () => unknown;

export type BuiltinFunction = FunctionSpec &
  (
    | { lazy?: false; impl: (args: unknown[], env: Env) => unknown }
    | { lazy: true; impl: (args: Thunk[], env: Env) => unknown }
  );

type Category = FunctionSpec['category'];

/** Eager function with a fixed arity range. `max` defaults to `min`. */
export function fn(
  category: Category,
  name: string,
  arity: [number, number?],
  doc: string,
  impl: (args: unknown[], env: Env) => unknown,
): BuiltinFunction {
  return { name, category, minArity: arity[0], maxArity: arity[1] ?? arity[0], doc, impl };
}

/** Function that decides itself which arguments to evaluate (`if`, `ifempty`, `switch`). */
export function lazyFn(
  category: Category,
  name: string,
  arity: [number, number?],
  doc: string,
  impl: (args: Thunk[], env: Env) => unknown,
): BuiltinFunction {
  return { name, category, minArity: arity[0], maxArity: arity[1] ?? arity[0], doc, lazy: true, impl };
}

export const VARIADIC = Number.POSITIVE_INFINITY;
