/** Exit codes shared by every command: 0 clean, 1 findings/differences, 2 usage or internal error. */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

/** A mistake in how the command was called. Printed as one line, exit 2, never a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Bad input from the user (a file, a template...): printed with its location, exit 2. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    message: string,
    readonly location?: { file?: string; line?: number; column?: number },
  ) {
    super(message);
  }
}

export function formatInputError(e: InputError): string {
  const loc = e.location;
  if (!loc?.file) return e.message;
  const pos = loc.line ? `:${loc.line}${loc.column ? `:${loc.column}` : ''}` : '';
  return `${loc.file}${pos}: ${e.message}`;
}
