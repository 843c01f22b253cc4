/**
 * Writes the full lint result (every diagnostic, every field) of every corpus app and of dist-app
 * as one JSON file, so a speed change can be proven not to change any finding:
 *
 *   npx tsx bench/lint/snapshot-diagnostics.ts before.json   # …change code…
 *   npx tsx bench/lint/snapshot-diagnostics.ts after.json && cmp before.json after.json
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadApp } from '../../generator/load/index.ts';
import { lintApp } from '../../generator/validate/index.ts';
import { CORPUS, corpusApps } from '../../test/corpus/corpus-apps.ts';

const out = process.argv[2] ?? 'lint-diagnostics.json';
const apps = [...corpusApps(), path.resolve(import.meta.dirname, '../../dist-app')];
const all: Record<string, unknown> = {};
for (const dir of apps) {
  const app = loadApp(dir);
  all[path.relative(CORPUS, dir)] = { loadDiagnostics: app.diagnostics, lint: lintApp(app) };
}
writeFileSync(out, `${JSON.stringify(all, null, 1)}\n`);
console.log(`${apps.length} apps written to ${out}`);
