import type { FunctionSignature, ImlType } from './functions/signature.ts';
import type { SyntaxErrorCode } from './syntax/error-codes.ts';

/**
 * The contract of the IML engine that every other stage relies on. `index.ts` exports functions of
 * exactly these shapes; other stages import from `generator/iml/index.ts` only.
 *
 *   parseTemplate(src: string): TemplateAst                      throws ImlSyntaxError
 *   compileTemplate(src: string): CompiledTemplate                cached per source string
 *   evaluate(value: unknown, ctx: ImlContext, opts?: EvalOptions): unknown
 *       deep: strings are templates, objects/arrays are walked, the "{{...}}" spread key merges
 *   evaluateTemplate(src: string, ctx: ImlContext, opts?: EvalOptions): unknown
 *   analyzeTemplate(src: string): TemplateAnalysis               never throws
 *   analyzeValue(value: unknown): ValueAnalysis[]                every string inside, with its pointer
 *   printTemplate(src: string): string                           canonical form (throws on syntax error)
 *   hasIml(src: string): boolean
 *   BUILTIN_FUNCTIONS: ReadonlyMap<string, FunctionSpec>
 *   functionSignatures(): FunctionSpec[]                          every built-in, sorted by name
 *   describeFunction(name: string): FunctionSpec | undefined      typed signature, rendered text, description
 *   createCustomFunctions(sources: Record<string, string>, opts?: { timeoutMs?: number }): CustomFunctions
 *       synchronous; runs the functions in a QuickJS WebAssembly isolate inside a worker thread
 *       (time limit per call, hard stop of the thread when needed); call dispose() when done.
 *
 * Every error thrown by parsing or evaluation is an `ImlError` subclass (errors.ts) with offset/length.
 */

/** Offsets are 0-based indexes into the template string (decoded JSON string value). */
export interface ImlSpan {
  offset: number;
  length: number;
}

/** A context is the set of root variables: parameters, connection, data, body, temp, item, query... */
export type ImlContext = Record<string, unknown>;

export interface CustomFunctions {
  names(): string[];
  call(name: string, args: unknown[], opts: EvalOptions): unknown;
  dispose(): void;
}

export interface EvalOptions {
  /** `loose` (default) compares like JavaScript `==`; `strict` like `===`. The sources disagree (§10.4). */
  equality?: 'loose' | 'strict';
  /** Clock for `now`/`timestamp`; defaults to the real time. */
  now?: () => Date;
  /** IANA zone for date formatting/parsing; default `UTC`. */
  timezone?: string;
  /** Seeded source for `random`/`uuid` so runs are reproducible. */
  random?: () => number;
  /** The app's own custom IML functions (`iml.<name>`). */
  functions?: CustomFunctions;
}

/** What every built-in function declares; derived from its typed signature (functions/signature.ts). */
export interface FunctionSpec {
  name: string;
  category: 'general' | 'math' | 'text' | 'date' | 'array' | 'json' | 'crypto';
  /** Parameter types (optional, variadic) and return type, as data. */
  signature: FunctionSignature;
  /** `substring(text: text, start: integer, end?: integer): text`. */
  rendered: string;
  /** One line saying what the function returns. */
  description: string;
  minArity: number;
  /** `Infinity` for variadic. */
  maxArity: number;
  /** `rendered: description`, the one-line text for hover and completion details. */
  doc: string;
}

export interface VariableRef extends ImlSpan {
  /** The path as segments: `connection.accessToken` → ['connection', 'accessToken']. A computed bracket stops the path. */
  path: string[];
  /** Numeric bracket indexes written in the path, e.g. `[0]` (1-based in IML, so 0 is always empty). */
  indexes: { value: number; offset: number }[];
}

/** A literal or built-in result passed where the parameter's declared type cannot take it. */
export interface ArgumentTypeError extends ImlSpan {
  /** 0-based argument position. */
  index: number;
  param: string;
  expected: readonly ImlType[];
  actual: readonly ImlType[];
  /** How the argument reads in a message: `number 123`, `text "x"`, `integer from length()`. */
  given: string;
  message: string;
}

export interface FunctionRef extends ImlSpan {
  name: string;
  /** `true` for `iml.name(...)` calls and for any name that is not a built-in (the app's own functions). */
  custom: boolean;
  arity: number;
  /** `true` when written `iml.name(...)`. */
  qualified?: boolean;
  /** Arguments of a built-in that certainly do not fit its signature (analysis/argument-types.ts). */
  argumentTypeErrors: ArgumentTypeError[];
}

export interface TemplateAnalysis {
  variables: VariableRef[];
  functions: FunctionRef[];
  /** Syntax errors (at most one per expression), each with its stable code (syntax/error-codes.ts). */
  errors: { code: SyntaxErrorCode | 'internal'; message: string; offset: number; length: number }[];
  /** True when the string contains at least one `{{...}}`. */
  hasIml: boolean;
}

export interface ValueAnalysis extends TemplateAnalysis {
  /** JSON pointer (relative to the analysed value) of the string, or of the key for spread/IML keys. */
  pointer: string;
  /** True when the template stands in an object key rather than a value. */
  inKey: boolean;
  source: string;
}
