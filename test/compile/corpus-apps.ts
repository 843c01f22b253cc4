import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The shared corpus sits beside the checkout (as it does in CI). */
export const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');

/** Every app folder of the shared corpus, read from the first column of its INDEX.md. */
export function corpusApps(): string[] {
  const index = readFileSync(path.join(CORPUS, 'INDEX.md'), 'utf8');
  const apps: string[] = [];
  for (const m of index.matchAll(/^\| `([^`]+)\/` \|/gm)) apps.push(path.join(CORPUS, m[1]!));
  return apps;
}
