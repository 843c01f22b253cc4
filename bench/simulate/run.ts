/**
 * Simulator overhead: the reference scenarios run by the simulator against the embedded API, versus
 * the very same HTTP requests sent directly with fetch to a fresh embedded API (same seed, same
 * fake-clock times, so codes and tokens come out identical), measured in one run.
 * Run: npx tsx bench/simulate/run.ts   (prints both times and the overhead ratio)
 */
import { join } from 'node:path';
import { startAcademyApi } from '../../generator/academy-api/index.ts';
import { loadApp } from '../../generator/load/index.ts';
import { createFakeClock } from '../../generator/model/index.ts';
import {
  ACADEMY_HOST,
  createFetchTransport,
  loadScenarios,
  simulateApp,
  type Transport,
  type WireRequest,
} from '../../generator/simulate/index.ts';

const ROUNDS = Number(process.env.SIM_BENCH_ROUNDS ?? 5);
const root = join(import.meta.dirname, '../..');
const app = loadApp(join(root, 'dist-app'));
const scenarios = loadScenarios(join(root, 'app-src/scenarios'));

interface Captured {
  at: number;
  req: WireRequest;
  status: number;
}

async function simulated(): Promise<{ ms: number; captured: Captured[]; failed: number }> {
  const clock = createFakeClock();
  const api = await startAcademyApi({ deterministic: true, seed: 1, clock });
  const inner = createFetchTransport({ [ACADEMY_HOST]: api.url }, { allowUnmapped: false });
  const captured: Captured[] = [];
  const transport: Transport = {
    async send(req) {
      const at = clock.now();
      const res = await inner.send(req);
      captured.push({ at, req, status: res.status });
      return res;
    },
  };
  const t0 = performance.now();
  const rep = await simulateApp(app, { api, scenarios, transport, seed: 1 });
  const ms = performance.now() - t0;
  await api.close();
  return { ms, captured, failed: rep.summary.failed };
}

async function direct(captured: Captured[]): Promise<{ ms: number; mismatches: number }> {
  const clock = createFakeClock();
  const api = await startAcademyApi({ deterministic: true, seed: 1, clock, webhooks: { timeoutMs: 200 } });
  let mismatches = 0;
  const t0 = performance.now();
  for (const c of captured) {
    clock.set(c.at);
    const u = new URL(c.req.url);
    const res = await fetch(`${api.url}${u.pathname}${u.search}`, {
      method: c.req.method,
      headers: c.req.headers,
      body: c.req.body ? new Uint8Array(c.req.body) : undefined,
      redirect: 'manual',
    });
    await res.arrayBuffer();
    if (res.status !== c.status) mismatches++;
  }
  const ms = performance.now() - t0;
  await api.close();
  return { ms, mismatches };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sim: number[] = [];
const dir: number[] = [];
let requests = 0;
for (let i = 0; i < ROUNDS; i++) {
  const s = await simulated();
  if (s.failed) throw new Error(`${s.failed} scenario steps failed; the comparison would mean nothing`);
  const d = await direct(s.captured);
  if (d.mismatches)
    console.warn(`round ${i + 1}: ${d.mismatches} direct requests answered a different status`);
  sim.push(s.ms);
  dir.push(d.ms);
  requests = s.captured.length;
}
const ms = median(sim);
const md = median(dir);
console.log(
  `reference scenarios: ${scenarios.length}, HTTP requests per run: ${requests}, rounds: ${ROUNDS}`,
);
console.log(`simulator (IML, recording, assertions + HTTP): ${ms.toFixed(1)} ms (median)`);
console.log(`same requests sent directly with fetch:        ${md.toFixed(1)} ms (median)`);
console.log(`overhead ratio simulator/direct: ${(ms / md).toFixed(2)}x`);
