/**
 * Lint speed on a generated app of 1,000 modules, as a ratio to the bare minimum any linter must
 * do: read every file, JSON-parse it and validate it once with ajv against the project's schema for
 * its code type (schemas compiled beforehand). Both are measured in this
 * run on this machine (median of several rounds after a warm-up). Goal: ratio ≤ 3.
 *
 *   npx tsx bench/lint/run.ts [modules=1000] [rounds=5]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { loadApp } from '../../generator/load/index.ts';
import { lintApp } from '../../generator/validate/index.ts';
import { generateApp } from './generate-app.ts';

const modules = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 5);
const dir = mkdtempSync(path.join(tmpdir(), 'lint-bench-'));

/** The project's own code-type schemas (bundled), so "one ajv validation" is a real one per file. */
const BUNDLE = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../schemas/bundled/code-schemas.json'), 'utf8'),
) as object;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

try {
  const files = generateApp(dir, modules);
  const ajv = new Ajv({ strict: false, allowUnionTypes: true, validateFormats: false });
  ajv.addSchema(BUNDLE, 'bundle');
  const validators = new Map<string, ReturnType<Ajv['compile']>>();
  for (const f of files)
    if (!validators.has(f.schema))
      validators.set(f.schema, ajv.getSchema(`bundle#/definitions/${f.schema}`)!);
  const baseline = () => {
    let ok = 0;
    for (const f of files) if (validators.get(f.schema)?.(JSON.parse(readFileSync(f.file, 'utf8')))) ok++;
    return ok;
  };
  let findings = 0;
  const loadOnly = () => loadApp(dir);
  // The app the check-only rounds reuse is loaded only for them: kept alive during the other
  // rounds it would make every full garbage collection there mark a second app.
  let loaded: ReturnType<typeof loadApp> | undefined;
  const checkOnly = () => {
    loaded ??= loadApp(dir);
    return lintApp(loaded).diagnostics.length;
  };
  const lint = () => {
    const r = lintApp(loadApp(dir));
    findings = r.diagnostics.length;
    return findings;
  };
  // Warm-up until both are steady: module loading, schema compilation, JIT tiers and heap sizing
  // (the lint's many functions keep getting faster for several rounds; the baseline settles sooner).
  const warmups = 6;
  for (let i = 0; i < warmups; i++) {
    baseline();
    lint();
  }
  const tb: number[] = [];
  const tl: number[] = [];
  const tload: number[] = [];
  const tcheck: number[] = [];
  // Each measurement runs its rounds back to back, so each pays for its own garbage collection and
  // not for garbage another one left behind (interleaving charged the lint's garbage to the baseline).
  const time = (f: () => unknown, into: number[]) => {
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      f();
      into.push(performance.now() - t);
    }
  };
  time(baseline, tb);
  time(lint, tl);
  time(loadOnly, tload);
  checkOnly(); // loads the app it reuses, outside the timing
  time(checkOnly, tcheck);
  const b = median(tb);
  const l = median(tl);
  console.log(`app: ${modules} modules, ${files.length} files; lint findings: ${findings}`);
  console.log(`read + JSON.parse + 1 ajv validation per file: ${b.toFixed(1)} ms (median of ${rounds})`);
  console.log(`full lint (load + schemas + rules):           ${l.toFixed(1)} ms (median of ${rounds})`);
  console.log(`ratio: ${(l / b).toFixed(2)}× (goal ≤ 3×)`);
  console.log(
    `  of which loading (generator/load):          ${median(tload).toFixed(1)} ms = ${(median(tload) / b).toFixed(2)}×`,
  );
  console.log(
    `  of which schemas + analysis + rules:        ${median(tcheck).toFixed(1)} ms = ${(median(tcheck) / b).toFixed(2)}×`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
