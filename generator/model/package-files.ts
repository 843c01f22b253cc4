/**
 * Files this package ships beside its code (the JSON Schemas). The code runs from the TypeScript
 * sources in a checkout and from `build/` once installed, at different depths: the package root is
 * found by walking up to the folder that holds both `package.json` and `schemas/`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'schemas'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`make-app: cannot find the package root above ${from}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A file of the package, by its path from the package root (e.g. `schemas/scenario.schema.json`). */
export function packageFile(relative: string): string {
  return path.join(PACKAGE_ROOT, relative);
}
