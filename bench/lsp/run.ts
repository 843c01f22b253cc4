/**
 * Keystroke-to-diagnostics latency of the language server on the generated 1,000-module app: the
 * server runs as editors start it (`make-app lsp --stdio` over pipes); after warm-up, each round
 * types one character into a module's communication file and waits for that file's diagnostics.
 * Also measured in this run: one full `make-app lint` of the same app in-process, as the ratio's
 * reference. Goal: median latency ≤ 100 ms.
 *
 *   npx tsx bench/lsp/run.ts [modules=1000] [rounds=20]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { loadApp } from '../../generator/load/index.ts';
import { lintApp } from '../../generator/validate/index.ts';
import { generateApp } from '../lint/generate-app.ts';

const modules = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 20);
const dir = mkdtempSync(path.join(tmpdir(), 'lsp-bench-'));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];

try {
  generateApp(dir, modules);
  const file = path.join(dir, 'modules/module-1/module1.communication.iml.json');
  const uri = pathToFileURL(file).href;
  const original = readFileSync(file, 'utf8');

  const child = spawn(process.execPath, [
    path.resolve(import.meta.dirname, '../../bin/make-app.js'),
    'lsp',
    '--stdio',
  ]);
  const conn = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  let waiting: (() => void) | undefined;
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => {
    if (p.uri === uri) waiting?.();
  });
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    capabilities: {},
  });
  await conn.sendNotification('initialized', {});
  const next = () => new Promise<void>((resolve) => (waiting = resolve));

  let version = 1;
  const opened = next();
  await conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'json', version, text: original },
  });
  await opened;
  // one keystroke: a character typed into the URL (alternating, so every round is a real change)
  const keystroke = async () => {
    version++;
    const text = version % 2 ? original : original.replace('"GET"', '"GETx"');
    const t = performance.now();
    const got = next();
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    await got;
    return performance.now() - t;
  };
  for (let i = 0; i < 8; i++) await keystroke(); // warm-up: JIT, schema compilation, heap sizing
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) times.push(await keystroke());
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();

  for (let i = 0; i < 3; i++) lintApp(loadApp(dir)); // warm-up of the in-process reference
  const full: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    lintApp(loadApp(dir));
    full.push(performance.now() - t);
  }
  const m = median(times);
  console.log(`app: ${modules} modules; ${rounds} keystrokes after warm-up`);
  console.log(
    `keystroke → diagnostics: median ${m.toFixed(1)} ms, p90 ${p90(times).toFixed(1)} ms (goal ≤ 100 ms)`,
  );
  console.log(`full lint in-process:    median ${median(full).toFixed(1)} ms`);
  console.log(`ratio keystroke / full lint: ${(m / median(full)).toFixed(2)}×`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
