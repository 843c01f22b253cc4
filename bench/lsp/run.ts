/**
 * Keystroke-to-diagnostics latency of the language server on the generated 1,000-module app: the
 * server runs as editors start it (`make-app lsp --stdio` over pipes, from build/); after warm-up,
 * each round types one character into a module's communication file and waits for that file's
 * diagnostics. Two clients: one that watches the disk for the server (as VS Code does), so unchanged
 * files are not read again, and one that does not, so every keystroke reads the app's files. Also
 * measured in this run: one full `make-app lint` of the same app in-process, as the ratios'
 * reference. Goal: median latency ≤ 100 ms.
 *
 *   npm run build && npx tsx bench/lsp/run.ts [modules=1000] [rounds=20]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { loadApp } from '../../generator/load/index.ts';
import { lintApp } from '../../generator/validate/index.ts';
import { generateApp } from '../lint/generate-app.ts';
import { staleBuild } from './stale-build.ts';

const modules = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 20);
const root = path.resolve(import.meta.dirname, '../..');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];
const load = () =>
  `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} on ${availableParallelism()} cores`;

/**
 * CPU time (ms) a process has used so far, from /proc (Linux; undefined elsewhere). On a loaded
 * machine it says what a keystroke costs better than the wall clock, which includes waiting for a core.
 */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in 1/100 s clock ticks
  } catch {
    return undefined;
  }
}

/** Keystroke latencies (ms) of one server session, and the server's CPU time per keystroke. */
async function keystrokes(dir: string, watchFiles: boolean): Promise<{ times: number[]; cpu?: number }> {
  const file = path.join(dir, 'modules/module-1/module1.communication.iml.json');
  const uri = pathToFileURL(file).href;
  const original = readFileSync(file, 'utf8');
  const child = spawn(process.execPath, [path.join(root, 'bin/make-app.js'), 'lsp', '--stdio']);
  const conn = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  let waiting: (() => void) | undefined;
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => {
    if (p.uri === uri) waiting?.();
  });
  let registered: () => void = () => undefined;
  const watching = new Promise<void>((resolve) => (registered = resolve));
  conn.onRequest('client/registerCapability', () => {
    registered();
    return null;
  });
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    capabilities: watchFiles ? { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } : {},
  });
  await conn.sendNotification('initialized', {});
  if (watchFiles) await watching;
  const next = () => new Promise<void>((resolve) => (waiting = resolve));

  let version = 1;
  const opened = next();
  await conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'json', version, text: original },
  });
  await opened;
  // one keystroke: a character typed into the method (alternating, so every round is a real change)
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
  const cpuBefore = cpuMs(child.pid);
  for (let i = 0; i < rounds; i++) times.push(await keystroke());
  const cpuAfter = cpuMs(child.pid);
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
  const cpu = cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / rounds;
  return { times, cpu };
}

const stale = staleBuild(root);
if (stale) {
  console.error(`build/ is older than ${stale}: run \`npm run build\` first (the server runs from build/).`);
  process.exit(2);
}
const dir = mkdtempSync(path.join(tmpdir(), 'lsp-bench-'));
try {
  generateApp(dir, modules);
  console.log(`app: ${modules} modules; ${rounds} keystrokes after warm-up; at start: ${load()}`);
  const watched = await keystrokes(dir, true);
  const unwatched = await keystrokes(dir, false);

  for (let i = 0; i < 3; i++) lintApp(loadApp(dir)); // warm-up of the in-process reference
  const full: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    lintApp(loadApp(dir));
    full.push(performance.now() - t);
  }
  const used = process.cpuUsage(cpuBefore);
  const fullCpu = (used.user + used.system) / 1000 / 5;
  const f = median(full);
  const line = (name: string, r: { times: number[]; cpu?: number }) =>
    `${name} median ${median(r.times).toFixed(1)} ms, p90 ${p90(r.times).toFixed(1)} ms, ${(median(r.times) / f).toFixed(2)}× a full lint` +
    (r.cpu === undefined ? '' : `; server CPU ${r.cpu.toFixed(0)} ms per keystroke`);
  console.log(line('keystroke → diagnostics, client watches the disk:', watched));
  console.log(line('keystroke → diagnostics, no watching client:    ', unwatched));
  console.log(
    `full lint in-process: median ${f.toFixed(1)} ms, CPU ${fullCpu.toFixed(0)} ms (goal for a keystroke ≤ 100 ms)`,
  );
  console.log(`at end: ${load()}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
