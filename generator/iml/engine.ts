/**
 * The public entry points: parse, compile (cached per source string), evaluate, print.
 */
import type { EvalOptions, ImlContext } from './api.ts';
import { ImlError, ImlEvalError } from './errors.ts';
import { type Closure, compileTemplateAst } from './runtime/compile.ts';
import { evaluateDeep } from './runtime/deep.ts';
import { type Env, makeEnv } from './runtime/env.ts';
import type { TemplateAst } from './syntax/ast.ts';
import { parseTemplateAst } from './syntax/parser.ts';
import { printTemplateAst } from './syntax/printer.ts';

export interface CompiledTemplate {
  source: string;
  ast: TemplateAst;
  /** True when the template is exactly one `{{expression}}` (its value keeps its type). */
  single: boolean;
  evaluate(ctx: ImlContext, opts?: EvalOptions): unknown;
}

/** Parses a template into text parts and expression trees. Throws ImlSyntaxError. */
export function parseTemplate(src: string): TemplateAst {
  if (typeof src !== 'string') throw new ImlEvalError(`a template must be a string, got ${typeof src}`);
  return parseTemplateAst(src);
}

const CACHE_LIMIT = 10_000;
const cache = new Map<string, { compiled: CompiledTemplate; run: Closure }>();

function compileEntry(src: string): { compiled: CompiledTemplate; run: Closure } {
  const hit = cache.get(src);
  if (hit) return hit;
  const ast = parseTemplate(src);
  const run = compileTemplateAst(ast);
  const compiled: CompiledTemplate = {
    source: src,
    ast,
    single: ast.parts.length === 1 && ast.parts[0].type === 'expr',
    evaluate: (ctx, opts) => runGuarded(run, ctx, makeEnv(opts)),
  };
  // A simple bound: app definitions hold a few thousand distinct strings at most.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const entry = { compiled, run };
  cache.set(src, entry);
  return entry;
}

/** Compiles once per distinct source; later calls return the cached closure. Throws ImlSyntaxError. */
export function compileTemplate(src: string): CompiledTemplate {
  return compileEntry(src).compiled;
}

/** Stack exhaustion or an engine bug must still surface as a typed error, never a raw crash. */
function runGuarded(run: Closure, ctx: ImlContext, env: Env): unknown {
  try {
    return run(ctx ?? {}, env);
  } catch (e) {
    if (e instanceof ImlError) throw e;
    throw new ImlEvalError(`evaluation failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Evaluates one template string against a context. */
export function evaluateTemplate(src: string, ctx: ImlContext, opts?: EvalOptions): unknown {
  return runGuarded(compileEntry(src).run, ctx, makeEnv(opts));
}

const runForDeep = (src: string, ctx: ImlContext, env: Env) => runGuarded(compileEntry(src).run, ctx, env);

/** Evaluates any value deeply: strings as templates, objects/arrays walked, `{{...}}` spread merged. */
export function evaluate(value: unknown, ctx: ImlContext, opts?: EvalOptions): unknown {
  const env = makeEnv(opts);
  try {
    return evaluateDeep(value, ctx ?? {}, env, runForDeep);
  } catch (e) {
    if (e instanceof ImlError) throw e;
    throw new ImlEvalError(`evaluation failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The canonical spelling of a template (see syntax/printer.ts). Throws ImlSyntaxError. */
export function printTemplate(src: string): string {
  return printTemplateAst(parseTemplate(src));
}
