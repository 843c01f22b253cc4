/**
 * The team's shared material beside the checkout (real public apps, Make's official schema). Users
 * who clone the repository alone do not have it: tests that need it find it through one setting,
 * MAKE_APP_CORPUS (default ../shared/corpus), and are skipped when it is absent — the global setup
 * prints one line saying so, and CI fails if the corpus is present but tests were skipped.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The corpus of real apps (`MAKE_APP_CORPUS`, else `../shared/corpus` beside the checkout). */
export const CORPUS = path.resolve(ROOT, process.env.MAKE_APP_CORPUS ?? '../shared/corpus');
/** The shared folder holding the corpus and the reference material. */
export const SHARED = path.dirname(CORPUS);
export const corpusAvailable = existsSync(CORPUS);

/** A file of the shared reference material (e.g. `reference/official/makecomapp.schema.json`). */
export function sharedFile(relative: string): string {
  return path.join(SHARED, relative);
}
