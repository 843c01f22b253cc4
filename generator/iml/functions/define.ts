/**
 * How a built-in function is declared: once, with its category, name, typed signature and a
 * one-line description, plus the implementation. The public FunctionSpec (arity, rendered
 * signature, doc) is derived from the signature; eager functions receive their arguments already
 * converted to the declared types (convert-args.ts). Lazy functions get thunks instead of values.
 */
import type { FunctionSpec } from '../api.ts';
import type { Env } from '../runtime/env.ts';
import { convertArgs } from './convert-args.ts';
import { maxArity, minArity, parseSignature, renderSignature } from './signature.ts';

export type Thunk = () => unknown;

export type BuiltinFunction = FunctionSpec &
  (
    | { lazy?: false; impl: (args: unknown[], env: Env) => unknown }
    | { lazy: true; impl: (args: Thunk[], env: Env) => unknown }
  );

type Category = FunctionSpec['category'];

function spec(category: Category, name: string, declaration: string, description: string): FunctionSpec {
  const signature = parseSignature(name, declaration);
  const rendered = renderSignature(name, signature);
  return {
    name,
    category,
    signature,
    rendered,
    description,
    minArity: minArity(signature),
    maxArity: maxArity(signature),
    doc: `${rendered}: ${description}`,
  };
}

/**
 * Eager function. Arguments arrive converted per the signature (`any` because the body relies on
 * the declared types; see convert-args.ts).
 */
export function fn(
  category: Category,
  name: string,
  declaration: string,
  description: string,
  impl: (args: any[], env: Env) => unknown,
): BuiltinFunction {
  const s = spec(category, name, declaration, description);
  return { ...s, impl: (args, env) => impl(convertArgs(name, s.signature, args), env) };
}

/** Function that decides itself which arguments to evaluate (`if`, `ifempty`, `switch`). */
export function lazyFn(
  category: Category,
  name: string,
  declaration: string,
  description: string,
  impl: (args: Thunk[], env: Env) => unknown,
): BuiltinFunction {
  return { ...spec(category, name, declaration, description), lazy: true, impl };
}
