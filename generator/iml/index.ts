/** The IML engine. Other stages import from here only (contract: ./api.ts). */

export { analyzeExpression, analyzeTemplate } from './analysis/analyze-template.ts';
export { analyzeValue, SPREAD_KEY } from './analysis/analyze-value.ts';
export type * from './api.ts';
export type { CompiledTemplate } from './engine.ts';
export { compileTemplate, evaluate, evaluateTemplate, parseTemplate, printTemplate } from './engine.ts';
export {
  ImlArityError,
  ImlError,
  ImlEvalError,
  ImlRaisedError,
  ImlSandboxError,
  ImlSyntaxError,
  ImlUnknownFunctionError,
} from './errors.ts';
export { formatImlError } from './format-error.ts';
export { BUILTIN_FUNCTIONS, describeFunction, functionSignatures } from './functions/registry.ts';
export { REGEXP_DEADLINE_MS, type SafeRegExp, safeRegExp } from './functions/safe-regexp.ts';
export type { FunctionSignature, ImlType, ParamSpec } from './functions/signature.ts';
export { isEmpty as isEmptyValue, toText as stringifyValue, truthy as isTruthy } from './runtime/values.ts';
export {
  createCustomFunctions,
  createCustomFunctionsAsync,
  DEFAULT_TIMEOUT_MS,
  initImlSandbox,
  isImlSandboxReady,
} from './sandbox/custom-functions.ts';
export type { BinaryOp, Expr, KeywordName, Segment, TemplateAst, TemplatePart } from './syntax/ast.ts';
export { SYNTAX_ERROR_CODES, type SyntaxErrorCode } from './syntax/error-codes.ts';
export { MAX_EXPRESSION_DEPTH, MAX_VALUE_DEPTH } from './syntax/limits.ts';
export { KEYWORDS } from './syntax/parser.ts';
export { hasIml } from './syntax/template.ts';
