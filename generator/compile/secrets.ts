/**
 * Resolving `secret()` markers. Builds of dist-app/ always write placeholders; a caller that needs
 * the real values (the simulator, a deploy) asks for `resolve` and gets them from the environment
 * or the git-ignored secrets file, never from app-src/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../model/errors.ts';
import { isSecret, type SecretValue } from './authoring/secret.ts';

export type SecretMode = 'placeholder' | 'resolve';

export function resolveSecret(value: SecretValue, mode: SecretMode, projectRoot: string): string {
  if (mode === 'placeholder') return value.placeholder;
  const fromEnv = process.env[value.env];
  if (fromEnv) return fromEnv;
  const file = resolve(projectRoot, value.file);
  if (existsSync(file)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new InputError(`secrets file is not valid JSON: ${(e as Error).message}`, { file: value.file });
    }
    const v = (parsed as Record<string, unknown> | null)?.[value.key];
    if (typeof v === 'string' && v) return v;
  }
  throw new InputError(
    `secret "${value.key}" is not set: export ${value.env} or add "${value.key}" to ${value.file} (git-ignored)`,
  );
}

/** A `toJsonValue` leaf hook that swaps secret markers for their value or placeholder. */
export function secretLeaf(mode: SecretMode, projectRoot: string): (v: unknown) => unknown {
  return (v) => (isSecret(v) ? resolveSecret(v, mode, projectRoot) : v);
}
