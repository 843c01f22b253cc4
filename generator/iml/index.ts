/** The IML engine. Other stages import from here only (contract: ./api.ts). */
export type * from './api.ts';
export type { TemplateAst, Expr, TemplatePart, Segment, KeywordName, BinaryOp } from './syntax/ast.ts';
export type { CompiledTemplate } from './engine.ts';
export { parseTemplate, compileTemplate, evaluate, evaluateTemplate, printTemplate } from './engine.ts';
export { analyzeTemplate } from './analysis/analyze-template.ts';
export { analyzeValue, SPREAD_KEY } from './analysis/analyze-value.ts';
export { hasIml } from './syntax/template.ts';
export { BUILTIN_FUNCTIONS } from './functions/registry.ts';
export { MAX_EXPRESSION_DEPTH, MAX_VALUE_DEPTH } from './syntax/limits.ts';
export { toText as stringifyValue, isEmpty as isEmptyValue, truthy as isTruthy } from './runtime/values.ts';
export {
  ImlError,
  ImlSyntaxError,
  ImlArityError,
  ImlUnknownFunctionError,
  ImlEvalError,
  ImlRaisedError,
  ImlSandboxError,
} from './errors.ts';
