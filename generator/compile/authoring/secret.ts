/**
 * Secrets (OAuth client id and secret) never live in app-src/. A `secret()` marker names where the
 * value comes from; the compiler writes the placeholder unless told to resolve secrets, so the
 * committed dist-app/ only ever holds placeholders.
 */
const SECRET = Symbol.for('make-app.secret');

export interface SecretValue {
  readonly [SECRET]: true;
  /** Environment variable checked first, e.g. `ACADEMY_CLIENT_ID`. */
  readonly env: string;
  /** Key in the git-ignored secrets file (`.secrets/academy.json`). */
  readonly key: string;
  /** The secrets file, relative to the project root. */
  readonly file: string;
  /** What a build writes when secrets are not resolved. */
  readonly placeholder: string;
}

export function secret(opts: { env: string; key: string; file?: string; placeholder?: string }): SecretValue {
  return {
    [SECRET]: true,
    env: opts.env,
    key: opts.key,
    file: opts.file ?? '.secrets/academy.json',
    placeholder: opts.placeholder ?? `${'$'}{${opts.env}}`,
  };
}

export function isSecret(value: unknown): value is SecretValue {
  return typeof value === 'object' && value !== null && SECRET in value;
}
