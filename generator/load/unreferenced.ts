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

/** Reports JSON files inside the app folder that no declaration pointed at (info). */
export function reportUnreferenced(ctx: LoadContext): void {
  let seen = 0;
  const walk = (dir: string, relDir: string, depth: number) => {
    if (depth > MAX_DEPTH || seen > MAX_FILES) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => byName(a.name, b.name));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const rel = relDir ? `${relDir}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(dir, e.name), rel, depth + 1);
      else if (e.isFile() && CODE_LIKE.test(e.name) && !NOT_CODE.has(e.name)) {
        seen++;
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
  };
  walk(ctx.root, '', 0);
}
