import { readFileSync } from 'node:fs';
import path from 'node:path';

import { CORPUS, corpusAvailable } from '../helpers/shared.ts';

export { CORPUS, corpusAvailable };

/** Every app folder of the shared corpus, read from the first column of its INDEX.md. */
export function corpusApps(): string[] {
  if (!corpusAvailable) return [];
  const index = readFileSync(path.join(CORPUS, 'INDEX.md'), 'utf8');
  const apps: string[] = [];
  for (const m of index.matchAll(/^\| `([^`]+)\/` \|/gm)) apps.push(path.join(CORPUS, m[1]!));
  return apps;
}
