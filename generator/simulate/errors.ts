import type { MakeErrorInfo } from './types.ts';

/** An error raised while executing an app, carrying Make's error type. Never a crash. */
export class MakeError extends Error {
  override name = 'MakeError';
  constructor(
    readonly type: string,
    message: string,
    readonly statusCode?: number,
  ) {
    super(message);
  }
  toInfo(): MakeErrorInfo {
    return this.statusCode === undefined
      ? { type: this.type, message: this.message }
      : { type: this.type, message: this.message, statusCode: this.statusCode };
  }
}

/** Any thrown value as a Make error: IML failures and bugs in the app become RuntimeError/InvalidConfigurationError. */
export function toMakeError(e: unknown): MakeError {
  if (e instanceof MakeError) return e;
  const err = e as { name?: string; message?: string };
  if (err?.name === 'ImlSyntaxError')
    return new MakeError('InvalidConfigurationError', `IML syntax: ${err.message}`);
  return new MakeError('RuntimeError', err?.message ?? String(e));
}
