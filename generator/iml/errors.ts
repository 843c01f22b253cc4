/**
 * Every failure the IML engine reports is one of these classes, so callers can tell a user's
 * mistake (typed, with a position) from a bug. Nothing else escapes the parser or the evaluator.
 */
import type { SyntaxErrorCode } from './syntax/error-codes.ts';

export class ImlError extends Error {
  override name = 'ImlError';
  constructor(
    message: string,
    /** 0-based offset into the template string, when known. */
    readonly offset = 0,
    readonly length = 0,
  ) {
    super(message);
  }
}

/** The template cannot be parsed. `offset`/`length` point at the offending text. */
export class ImlSyntaxError extends ImlError {
  override name = 'ImlSyntaxError';
  constructor(
    /** Stable code (syntax/error-codes.ts) that tests and rules assert instead of the message. */
    readonly code: SyntaxErrorCode,
    message: string,
    offset: number,
    length: number,
    /** The whole template, so a caller can show a caret under the position. */
    readonly source = '',
  ) {
    super(message, offset, length);
  }
}

/** A function was called with too few or too many arguments. */
export class ImlArityError extends ImlError {
  override name = 'ImlArityError';
  constructor(
    readonly functionName: string,
    readonly given: number,
    readonly minArity: number,
    readonly maxArity: number,
    offset: number,
    length: number,
  ) {
    const want =
      minArity === maxArity
        ? `${minArity}`
        : maxArity === Number.POSITIVE_INFINITY
          ? `at least ${minArity}`
          : `${minArity} to ${maxArity}`;
    super(`${functionName}() takes ${want} argument(s), got ${given}`, offset, length);
  }
}

/** A function that neither IML nor the app defines. */
export class ImlUnknownFunctionError extends ImlError {
  override name = 'ImlUnknownFunctionError';
  constructor(
    readonly functionName: string,
    offset: number,
    length: number,
  ) {
    super(`unknown function ${functionName}()`, offset, length);
  }
}

/** Evaluation failed (a function rejected its input, a limit was hit...). */
export class ImlEvalError extends ImlError {
  override name = 'ImlEvalError';
}

/** `errorFactory(type, message)`: the app asked the runtime to fail with a Make error type. */
export class ImlRaisedError extends ImlError {
  override name = 'ImlRaisedError';
  constructor(
    readonly errorType: string,
    message: string,
    offset = 0,
    length = 0,
  ) {
    super(message, offset, length);
  }
}

/** A custom (app-defined) function failed, timed out, or the sandbox is not ready. */
export class ImlSandboxError extends ImlError {
  override name = 'ImlSandboxError';
}
