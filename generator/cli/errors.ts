/** Exit codes shared by every command: 0 clean, 1 findings/differences, 2 usage or internal error. */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

export { formatInputError, InputError, UsageError } from '../model/errors.ts';
