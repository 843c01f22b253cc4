#!/usr/bin/env node
// Builds what the package ships: the TypeScript sources compiled to build/generator/ (JavaScript +
// .d.ts, the library entries), the plain-JavaScript files the code loads at run time (the sandbox
// worker), and the command line bundled by esbuild into build/cli/ (one chunk per lazily loaded
// command: a cold start reads a few files instead of ~200 modules).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

function copyRuntimeAssets(dir) {
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) copyRuntimeAssets(rel);
    else if (entry.name.endsWith('.mjs') || entry.name.endsWith('.cjs')) {
      mkdirSync(path.join(root, 'build', dir), { recursive: true });
      copyFileSync(path.join(root, rel), path.join(root, 'build', rel));
    }
  }
}
copyRuntimeAssets('generator');

const { build } = await import('esbuild');
await build({
  // the class grader's worker thread is started by URL next to the code that starts it
  entryPoints: [
    path.join(root, 'generator/cli/main.ts'),
    { in: path.join(root, 'generator/grade/worker.ts'), out: 'grade-worker' },
  ],
  outdir: path.join(root, 'build/cli'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external', // dependencies load from node_modules, as installed
  logLevel: 'warning',
});
// the sandbox worker is started by URL next to the code that starts it
copyFileSync(path.join(root, 'generator/iml/sandbox/worker.mjs'), path.join(root, 'build/cli/worker.mjs'));
