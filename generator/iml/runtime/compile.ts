/**
 * Compiles a parsed template into a closure once; evaluation then only runs closures. Function
 * lookups, arity checks and keyword resolution all happen here, not per evaluation.
 */
import type { ImlContext } from '../api.ts';
import { ImlArityError, ImlError, ImlEvalError, ImlUnknownFunctionError } from '../errors.ts';
import type { BuiltinFunction, Thunk } from '../functions/define.ts';
import { BUILTINS } from '../functions/registry.ts';
import type { Expr, KeywordName, Segment, Span, TemplateAst } from '../syntax/ast.ts';
import type { Env } from './env.ts';
import { binary, negate } from './operators.ts';
import { step } from './path.ts';
import { uuidV4 } from './uuid.ts';
import { EMPTY_STRING, primitive, toText, truthy } from './values.ts';

export type Closure = (ctx: ImlContext, env: Env) => unknown;

const KEYWORD_VALUES: Record<KeywordName, Closure> = {
  true: () => true,
  false: () => false,
  null: () => null,
  undefined: () => undefined,
  erase: () => null,
  ignore: () => undefined,
  emptystring: () => EMPTY_STRING,
  emptyarray: () => [],
  space: () => ' ',
  nbsp: () => '\u00a0',
  tab: () => '\t',
  newline: () => '\n',
  carriagereturn: () => '\r',
  now: (_c, env) => env.now(),
  timestamp: (_c, env) => Math.floor(env.now().getTime() / 1000),
  uuid: (_c, env) => uuidV4(env.random),
  random: (_c, env) => env.random(),
  pi: () => Math.PI,
};

/** A whole template: one expression keeps its type; text around expressions makes a string. */
export function compileTemplateAst(ast: TemplateAst): Closure {
  const parts = ast.parts;
  if (parts.length === 0) return () => '';
  if (parts.length === 1) {
    const only = parts[0];
    if (only.type === 'text') {
      const text = only.value;
      return () => text;
    }
    const run = compileExpr(only.expr);
    // `emptystring` leaves the engine as a plain "" so JSON output and callers see a string.
    return (ctx, env) => primitive(run(ctx, env));
  }
  const pieces = parts.map((p): Closure | string => (p.type === 'text' ? p.value : compileExpr(p.expr)));
  return (ctx, env) => {
    let out = '';
    for (const piece of pieces) out += typeof piece === 'string' ? piece : toText(piece(ctx, env));
    return out;
  };
}

function compileExpr(expr: Expr): Closure {
  switch (expr.type) {
    case 'string':
    case 'number': {
      const value = expr.value;
      return () => value;
    }
    case 'keyword':
      return KEYWORD_VALUES[expr.name];
    case 'path':
      return compilePath(expr.root, expr.segments);
    case 'member':
      return compileSegments(compileExpr(expr.object), expr.segments);
    case 'unary': {
      const operand = compileExpr(expr.operand);
      return expr.op === '!' ? (c, e) => !truthy(operand(c, e)) : (c, e) => negate(operand(c, e));
    }
    case 'binary': {
      const left = compileExpr(expr.left);
      const right = compileExpr(expr.right);
      // `&` and `|` return an operand like JS `&&`/`||` and skip the right side when decided.
      if (expr.op === '&')
        return (c, e) => {
          const a = left(c, e);
          return truthy(a) ? right(c, e) : a;
        };
      if (expr.op === '|')
        return (c, e) => {
          const a = left(c, e);
          return truthy(a) ? a : right(c, e);
        };
      const op = expr.op;
      return (c, e) => binary(op, left(c, e), right(c, e), e.strict);
    }
    case 'call':
      return compileCall(expr);
  }
}

function compilePath(root: string, segments: Segment[]): Closure {
  // Fast paths for the most common shapes, `a` and `a.b` (no computed steps).
  if (segments.every((s) => s.kind === 'name')) {
    const names = segments.map((s) => (s as { name: string }).name);
    if (names.length === 0) return (ctx) => (Object.hasOwn(ctx, root) ? ctx[root] : undefined);
    if (names.length === 1) {
      const [a] = names;
      return (ctx) => step(Object.hasOwn(ctx, root) ? ctx[root] : undefined, a);
    }
  }
  return compileSegments((ctx) => (Object.hasOwn(ctx, root) ? ctx[root] : undefined), segments);
}

function compileSegments(base: Closure, segments: Segment[]): Closure {
  const steps = segments.map((s): string | null | Closure =>
    s.kind === 'name' ? s.name : s.index === null ? null : compileExpr(s.index),
  );
  return (ctx, env) => {
    let value = base(ctx, env);
    for (const s of steps) {
      if (value === undefined || value === null) return undefined;
      value = step(value, typeof s === 'function' ? s(ctx, env) : s);
    }
    return value;
  };
}

function compileCall(expr: Extract<Expr, { type: 'call' }>): Closure {
  const args = expr.args.map(compileExpr);
  const builtin = BUILTINS.get(expr.name);
  const site: Span = { offset: expr.offset, length: expr.length };
  const builtinClosure = builtin ? compileBuiltin(builtin, args, site) : undefined;
  const name = expr.name;
  // Custom functions are resolved per evaluation: the app's set arrives with the options.
  // `iml.name(...)` prefers the app's function; a bare `name(...)` prefers the built-in.
  return (ctx, env) => {
    const custom = env.functions;
    if (custom && (expr.custom || !builtinClosure) && custom.names().includes(name)) {
      const values = args.map((a) => a(ctx, env));
      return guard(name, site, () => custom.call(name, values, env.options));
    }
    if (builtinClosure) return builtinClosure(ctx, env);
    throw new ImlUnknownFunctionError(expr.custom ? `iml.${name}` : name, site.offset, site.length);
  };
}

function compileBuiltin(f: BuiltinFunction, args: Closure[], site: Span): Closure {
  if (args.length < f.minArity || args.length > f.maxArity) {
    const error = new ImlArityError(f.name, args.length, f.minArity, f.maxArity, site.offset, site.length);
    return () => {
      throw error;
    };
  }
  if (f.lazy) {
    const impl = f.impl;
    return (ctx, env) => {
      const thunks: Thunk[] = args.map((a) => () => a(ctx, env));
      return guard(f.name, site, () => impl(thunks, env));
    };
  }
  const impl = f.impl;
  return (ctx, env) => {
    const values = args.map((a) => a(ctx, env));
    return guard(f.name, site, () => impl(values, env));
  };
}

/** Turns anything a function throws into a typed error at the call's position. */
function guard(name: string, site: Span, run: () => unknown): unknown {
  try {
    return run();
  } catch (e) {
    if (e instanceof ImlError) {
      if (e.offset === 0 && e.length === 0 && site.length > 0)
        Object.assign(e, { offset: site.offset, length: site.length });
      throw e;
    }
    const message = e instanceof Error ? e.message : String(e);
    throw new ImlEvalError(`${name}(): ${message}`, site.offset, site.length);
  }
}
