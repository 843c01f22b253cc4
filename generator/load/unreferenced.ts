import { readdirSync } from 'node:fs';
import path from 'node:path';
import { type LoadContext, report } from './context.ts';

const CODE_LIKE = /\.(json|jsonc|imljson)$/i;
/** Project files that are never app code. */
const NOT_CODE = new Set([
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'jsconfig.json',
  'biome.json',
  '.eslintrc.json',
  'app.bundle.json',
]);
const MAX_FILES = 20000;
/** The order `localeCompare` gives, from one reused collator (far cheaper per comparison). */
const byName = new Intl.Collator().compare;
const MAX_DEPTH = 8;

/**
 * Lists the app folder once, before loading: returns the code-like files it holds (relative paths,
 * in report order) for `reportUnreferenced`. Every folder reached from the root through real
 * folders (no symlink on the way) is recorded as inside the app, so reading its files needs no
 * realpath call of its own.
 */
export function scanAppFolder(ctx: LoadContext): string[] {
  const found: string[] = [];
  const prefix = ctx.rootPrefix;
  const walk = (dir: string, relDir: string, depth: number) => {
    if (depth > MAX_DEPTH || found.length > MAX_FILES) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    // Listed, and a real folder (a symlinked one is never descended into), so it is inside the app.
    if (relDir) ctx.folderInside.set(prefix + relDir, true);
    entries.sort((a, b) => byName(a.name, b.name));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const rel = relDir ? `${relDir}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(dir, e.name), rel, depth + 1);
      else if (e.isFile() && CODE_LIKE.test(e.name) && !NOT_CODE.has(e.name)) found.push(rel);
    }
  };
  walk(ctx.root, '', 0);
  return found;
}

/** Reports the JSON files `scanAppFolder` found that no declaration pointed at (info). */
export function reportUnreferenced(ctx: LoadContext, found: string[]): void {
  for (const rel of found) {
    if (!ctx.referenced.has(rel)) {
      report(
        ctx,
        'load/unreferenced-file',
        'info',
        `"${rel}" is not referenced by the app definition, so Make never reads it.`,
        { file: rel },
      );
    }
  }
}
