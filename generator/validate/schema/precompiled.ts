/**
 * The schema validators generated ahead of time (ajv standalone code, `precompile.ts`), so a lint
 * run does not compile 31 schemas at start-up. The file is committed beside this one and checked
 * for drift by a test; without it (a half-built checkout) validators compile at run time.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import type { SchemaName } from './registry.ts';

export const PRECOMPILED_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'precompiled',
  'validators.cjs',
);

interface PrecompiledModule {
  validators: Record<string, ValidateFunction>;
  titles: Record<string, string>;
}

let loaded: PrecompiledModule | null | undefined;

function load(): PrecompiledModule | null {
  if (loaded !== undefined) return loaded;
  loaded = existsSync(PRECOMPILED_FILE)
    ? (createRequire(import.meta.url)(PRECOMPILED_FILE) as PrecompiledModule)
    : null;
  return loaded;
}

export function precompiledValidator(name: SchemaName): ValidateFunction | undefined {
  return load()?.validators[name];
}

export function precompiledTitle(name: SchemaName): string | undefined {
  return load()?.titles[name];
}
