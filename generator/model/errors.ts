/**
 * Errors every stage may raise for bad user input. They live in the model (the one folder every
 * stage may import) so that no stage reaches up into a front end for them.
 */

/** Where a piece of bad input is: a file and, when known, a 1-based line and column. */
export interface InputLocation {
  file?: string;
  line?: number;
  column?: number;
}

/** Bad input from the user (a file, a template...): front ends print it with its location. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    message: string,
    readonly location?: InputLocation,
  ) {
    super(message);
  }
}

/** A mistake in how a workflow was called (a flag, an option): one line, never a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** `file:line:column: message`, the one way every front end shows an InputError. */
export function formatInputError(e: InputError): string {
  const loc = e.location;
  if (!loc?.file) return e.message;
  const pos = loc.line ? `:${loc.line}${loc.column ? `:${loc.column}` : ''}` : '';
  return `${loc.file}${pos}: ${e.message}`;
}
