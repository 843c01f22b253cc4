/**
 * The schema validators generated ahead of time (ajv standalone code, `precompile.ts`), so a lint
 * run does not compile 31 schemas at start-up. The file is committed in schemas/bundled/ beside the
 * bundle it is made from, and checked for drift by a test; without it validators compile at run time.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { packageFile } from '../../model/package-files.ts';
import type { SchemaName } from './registry.ts';

// Beside the bundle it is generated from, so the sources, build/ and the bundled CLI all find it.
export const PRECOMPILED_FILE = packageFile('schemas/bundled/validators.cjs');

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
