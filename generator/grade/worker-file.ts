import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The worker's entry next to this module: compiled `worker.js` when the package runs from its
 * build, else `worker-tsx.mjs`, which registers tsx in the worker thread and loads `worker.ts`
 * (Node 20 does not pass the main thread's loader on to workers).
 */
export function workerEntry(): URL {
  const js = new URL('./worker.js', import.meta.url);
  return existsSync(fileURLToPath(js)) ? js : new URL('./worker-tsx.mjs', import.meta.url);
}
