import { type Definition, defined } from './definition.ts';
import { callerOrigin } from './origin.ts';

export interface FunctionDef<N extends string> {
  name: N;
  /** JavaScript source: `function <name>(...) { ... }`. */
  code: string;
  /** Mocha-like tests (`it(...)` with `assert`). */
  test?: string;
}

export interface FunctionDefinition<N extends string = string> extends Definition<'function', N> {}

export function defineFunction<const N extends string>(def: FunctionDef<N>): FunctionDefinition<N> {
  const { name, ...sections } = def;
  return { kind: 'function', name, meta: {}, sections: defined(sections), origin: callerOrigin() };
}
