/**
 * Static analysis for the linter, differ and simulator: which variables a template reads and which
 * functions it calls, with positions; syntax errors are collected (one per expression), never thrown.
 */
import type { FunctionRef, TemplateAnalysis, VariableRef } from '../api.ts';
import { ImlError, ImlSyntaxError } from '../errors.ts';
import { BUILTIN_FUNCTIONS } from '../functions/registry.ts';
import type { Expr, Segment } from '../syntax/ast.ts';
import { parseExpression } from '../syntax/parser.ts';
import { hasIml, type RawPart, splitTemplate } from '../syntax/template.ts';
import { argumentTypeErrors } from './argument-types.ts';

export function analyzeTemplate(source: string): TemplateAnalysis {
  const result: TemplateAnalysis = { variables: [], functions: [], errors: [], hasIml: hasIml(source) };
  if (typeof source !== 'string') return result;
  let parts: RawPart[];
  try {
    parts = splitTemplate(source);
  } catch (e) {
    result.errors.push(toProblem(e));
    return result;
  }
  for (const part of parts) {
    if (part.type !== 'expr') continue;
    try {
      walk(parseExpression(source, part.start, part.end), result);
    } catch (e) {
      result.errors.push(toProblem(e));
    }
  }
  return result;
}

/**
 * A whole string read as one IML expression without `{{ }}` (the directive values Make reads that
 * way, see `model/bare-iml.ts`); positions are offsets into the string as written.
 */
export function analyzeExpression(source: string): TemplateAnalysis {
  const result: TemplateAnalysis = { variables: [], functions: [], errors: [], hasIml: true };
  try {
    walk(parseExpression(source, 0, source.length), result);
  } catch (e) {
    result.errors.push(toProblem(e));
  }
  return result;
}

function toProblem(e: unknown): TemplateAnalysis['errors'][number] {
  if (e instanceof ImlSyntaxError)
    return { code: e.code, message: e.message, offset: e.offset, length: e.length };
  if (e instanceof ImlError)
    return { code: 'internal', message: e.message, offset: e.offset, length: e.length };
  return { code: 'internal', message: `internal analysis error: ${String(e)}`, offset: 0, length: 0 };
}

/** Literal bracket index (`[3]`, `[-1]`), or undefined for computed/empty brackets. */
function literalIndex(s: Segment): number | undefined {
  if (s.kind !== 'index' || !s.index) return undefined;
  const e = s.index;
  if (e.type === 'number') return e.value;
  if (e.type === 'unary' && e.op === '-' && e.operand.type === 'number') return -e.operand.value;
  return undefined;
}

function walk(e: Expr, out: TemplateAnalysis): void {
  switch (e.type) {
    case 'path': {
      // Names form the path; literal/empty brackets are recorded but do not stop it; a computed
      // bracket ends the path (its own expression is analysed separately).
      const ref: VariableRef = { path: [e.root], indexes: [], offset: e.offset, length: e.length };
      let open = true;
      for (const s of e.segments) {
        const index = literalIndex(s);
        if (open) {
          if (s.kind === 'name') ref.path.push(s.name);
          else if (index !== undefined) ref.indexes.push({ value: index, offset: s.offset });
          else if (s.index) open = false;
        }
        if (s.kind === 'index' && s.index && index === undefined) walk(s.index, out);
      }
      out.variables.push(ref);
      return;
    }
    case 'member':
      walk(e.object, out);
      for (const s of e.segments) if (s.kind === 'index' && s.index) walk(s.index, out);
      return;
    case 'unary':
      walk(e.operand, out);
      return;
    case 'binary':
      walk(e.left, out);
      walk(e.right, out);
      return;
    case 'call': {
      const ref: FunctionRef = {
        name: e.name,
        custom: e.custom || !BUILTIN_FUNCTIONS.has(e.name),
        qualified: e.custom,
        arity: e.args.length,
        argumentTypeErrors: argumentTypeErrors(e),
        offset: e.offset,
        length: e.length,
      };
      out.functions.push(ref);
      for (const a of e.args) walk(a, out);
      return;
    }
    default:
      return;
  }
}
