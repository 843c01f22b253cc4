import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The worker's entry next to this module: `grade-worker.js` in the bundled command line,
 * `worker.js` in the compiled library, else `worker-tsx.mjs`, which registers tsx in the worker
 * thread and loads `worker.ts` (Node 20 does not pass the main thread's loader on to workers).
 */
export function workerEntry(): URL {
  for (const name of ['./grade-worker.js', './worker.js']) {
    const js = new URL(name, import.meta.url);
    if (existsSync(fileURLToPath(js))) return js;
  }
  return new URL('./worker-tsx.mjs', import.meta.url);
}
