/**
 * Start-up, measured as whole processes side by side in one run (A B A B ..., median of the ratio
 * pair by pair, so a drifting machine affects both alike). Run `npm run build` first: it times the
 * compiled bin, as installed.
 *   1. cold `make-app --help`            vs `node -e 0`                         (goal ≤ 2×)
 *   2. cold `make-app lint dist-app`     vs `node -e 0`                         (goal ≤ 5×)
 *   3. `make-app lint` of a 1,000-module app vs the floor process: read + parse + validate every
 *      file (goal ≤ 2.5×), against two floors: a plain program compiling the schemas with ajv at
 *      start (floor-ajv.cjs, the "read + parse + ajv"), and the stricter one using the
 *      precompiled validators (floor.cjs)
 *
 *   npx tsx bench/startup/run.ts [rounds=9]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateApp } from '../lint/generate-app.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/make-app.js');
const rounds = Number(process.argv[2] ?? 9);

if (!existsSync(path.join(ROOT, 'build/generator/cli/main.js'))) {
  console.error('build/ is missing: run `npm run build` first');
  process.exit(2);
}

interface Sample {
  wall: number;
  cpu: number;
}

/** One whole-process run: wall time here, CPU time from /usr/bin/time when the machine has it. */
function once(cmd: string[]): Sample {
  const timed = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', '%U %S', ...cmd] : cmd;
  const t0 = performance.now();
  const r = spawnSync(timed[0]!, timed.slice(1), { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd.join(' ')} exited ${r.status}: ${r.stderr}`);
  const m = /(\d+\.\d+) (\d+\.\d+)\s*$/.exec(r.stderr);
  return { wall, cpu: m ? (Number(m[1]) + Number(m[2])) * 1000 : Number.NaN };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function compare(label: string, a: string[], b: string[], goal: number): void {
  once(a);
  once(b); // warm the file cache for both
  const pairs: { a: Sample; b: Sample }[] = [];
  for (let i = 0; i < rounds; i++) pairs.push({ a: once(a), b: once(b) });
  const wallRatio = median(pairs.map((p) => p.a.wall / p.b.wall));
  const cpuRatio = median(pairs.map((p) => p.a.cpu / p.b.cpu));
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  console.log(
    `${label.padEnd(44)} ${ms(median(pairs.map((p) => p.a.wall))).padStart(8)} vs ${ms(median(pairs.map((p) => p.b.wall))).padStart(8)}` +
      `   wall ×${wallRatio.toFixed(2)}   cpu ×${Number.isNaN(cpuRatio) ? '?' : cpuRatio.toFixed(2)}   (goal ≤ ${goal}×)`,
  );
}

const dir = mkdtempSync(path.join(tmpdir(), 'startup-bench-'));
try {
  const files = generateApp(dir, 1000);
  const list = path.join(dir, '..', `${path.basename(dir)}-files.json`);
  writeFileSync(list, JSON.stringify(files));
  const node = process.execPath;
  console.log(`medians of ${rounds} side-by-side rounds (A vs B)`);
  compare('make-app --help  vs  node -e 0', [node, BIN, '--help'], [node, '-e', '0'], 2);
  compare('make-app lint dist-app  vs  node -e 0', [node, BIN, 'lint', 'dist-app'], [node, '-e', '0'], 5);
  compare(
    'lint of 1,000 modules  vs  read+parse+ajv',
    [node, BIN, 'lint', dir],
    [node, path.join(import.meta.dirname, 'floor-ajv.cjs'), list],
    2.5,
  );
  compare(
    'lint of 1,000 modules  vs  read+parse+precompiled',
    [node, BIN, 'lint', dir],
    [node, path.join(import.meta.dirname, 'floor.cjs'), list],
    2.5,
  );
  rmSync(list, { force: true });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
