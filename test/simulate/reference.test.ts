/**
 * The reference app end to end: every scenario in app-src/scenarios against the embedded API
 * (real loopback HTTP, shared fake clock), the HAR it records (no secret in it), and a replay of
 * that HAR with no API at all.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AcademyApi, startAcademyApi } from '../../generator/academy-api/index.ts';
import { loadApp } from '../../generator/load/index.ts';
import type { HarLog } from '../../generator/simulate/har.ts';
import { loadScenarios, type SimulationReport, simulateApp } from '../../generator/simulate/index.ts';

const root = join(__dirname, '../..');
const app = loadApp(join(root, 'dist-app'));
const scenarios = loadScenarios(join(root, 'app-src/scenarios'));
const tmp = mkdtempSync(join(tmpdir(), 'sim-ref-'));
const harFile = join(tmp, 'reference.har');
let api: AcademyApi;
let report: SimulationReport;
let harText: string;
/** Every token/code the server ever issued, collected from its responses on the wire (independent of the recorder). */
const issued = new Set<string>();

beforeAll(async () => {
  api = await startAcademyApi({ deterministic: true, seed: 7 });
  // Watch what the server hands out by reading its log of token pairs after every request.
  const origLive = api.liveTokens.bind(api);
  const timer = setInterval(() => {
    for (const p of origLive())
      for (const v of Object.values(p)) if (typeof v === 'string' && /^(at|rt)_/.test(v)) issued.add(v);
  }, 1);
  report = await simulateApp(app, { api, scenarios, har: harFile, seed: 7 });
  clearInterval(timer);
  for (const p of origLive()) for (const v of Object.values(p)) if (typeof v === 'string') issued.add(v);
  harText = readFileSync(harFile, 'utf8');
}, 60_000);

afterAll(async () => {
  await api?.close();
  rmSync(tmp, { recursive: true, force: true });
});

function failuresOf(r: SimulationReport): string[] {
  return r.scenarios.flatMap((s) =>
    s.steps
      .filter((st) => st.status === 'fail')
      .map((st) => `${s.name} #${st.index} ${st.label}: ${[st.error?.message, ...st.failures].join('; ')}`),
  );
}

describe('reference scenarios on the embedded API', () => {
  it('every step of every scenario passes', () => {
    expect(failuresOf(report)).toEqual([]);
    expect(report.target).toBe('embedded');
    expect(report.summary.steps).toBeGreaterThan(60);
  });

  it('cover every module and RPC of the reference app, each with at least one successful run', () => {
    const ran = new Set(
      report.scenarios.flatMap((s) =>
        s.steps.filter((st) => !st.error && st.component).map((st) => st.component),
      ),
    );
    const all = [
      ...Object.keys(app.components.module).map((m) => `modules.${m}`),
      ...Object.keys(app.components.rpc).map((r) => `rpcs.${r}`),
    ];
    expect(all.filter((c) => !ran.has(c))).toEqual([]);
  });

  it('the server saw a refresh, a re-authorization and an invalidate', () => {
    const paths = api.requestLog.map((r) => `${r.method} ${r.path} ${r.status}`);
    expect(paths).toContain('POST /api/v2/refresh 200');
    expect(paths.filter((p) => p === 'POST /api/v2/token 200').length).toBeGreaterThanOrEqual(
      scenarios.length + 1,
    );
    expect(paths).toContain('GET /api/v2/invalidate 200');
    expect(paths.some((p) => /^DELETE \/api\/v2\/movies\/\S+ 403$/.test(p))).toBe(true);
  });

  it('the webhook delivery came from the API and reached the instant trigger', () => {
    const delivered = api.webhookDeliveries.filter((d) => d.outcome.kind === 'delivered');
    expect(delivered.length).toBeGreaterThanOrEqual(2);
    const step = report.scenarios
      .find((s) => s.name === 'webhooks')!
      .steps.find((s) => s.kind === 'deliverWebhook')!;
    expect(step.output).toEqual([
      expect.objectContaining({ event: 'create', movie: expect.objectContaining({ name: 'Arrival' }) }),
    ]);
  });
});

describe('the recorded HAR', () => {
  it('is HAR 1.2 with one entry per exchange and where each came from', () => {
    const har = JSON.parse(harText) as HarLog;
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator.name).toBe('make-app simulate');
    const requests = report.scenarios.flatMap((s) => s.steps.flatMap((st) => st.requests));
    expect(har.log.entries).toHaveLength(requests.length);
    for (const e of har.log.entries) {
      expect(e._makeApp.component).toMatch(/^(modules|rpcs|connections|webhooks)\.\w+$|^api$/);
      expect(typeof e.request.url).toBe('string');
      expect(e.timings.wait).toBeGreaterThanOrEqual(0);
    }
    const search = har.log.entries.find(
      (e) =>
        e._makeApp.pointer === 'modules.searchMovies.communication' &&
        (e._makeApp.inputs as { parameters: { limit?: number } }).parameters.limit === 3,
    )!;
    expect(search._makeApp).toMatchObject({
      component: 'modules.searchMovies',
      scenario: 'pagination',
      step: 2,
    });
    expect(search._makeApp.inputs).toEqual({ parameters: { limit: 3, sortBy: 'createdAt', order: 'asc' } });
    expect(search.request.url).toMatch(/^https:\/\/app-academy\.make\.com\/api\/v2\/movies\?/);
  });

  it('contains no client secret, API key, token or authorization code', () => {
    const client = api.defaultClient;
    const secrets = [
      client.clientSecret,
      client.apiKey,
      Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64'),
      ...issued,
    ];
    expect(secrets.length).toBeGreaterThan(3);
    for (const s of secrets) expect(harText.includes(s), `secret ${s.slice(0, 4)}… in HAR`).toBe(false);
    // Any string shaped like the server's credentials (at_, rt_, ac_, cs_, ak_ prefixes) is a leak.
    expect(harText.match(/\b(at|rt|ac|cs|ak)_[A-Za-z0-9_-]{12,}/g)).toBeNull();
    const reportText = JSON.stringify(report);
    for (const s of secrets) expect(reportText.includes(s)).toBe(false);
    expect(harText).toContain('[REDACTED]');
  });
});

describe('replaying the HAR', () => {
  it('reproduces every step with no API running', async () => {
    const replayed = await simulateApp(app, { scenarios, replay: harFile, seed: 7 });
    expect(replayed.target).toBe('replay');
    expect(failuresOf(replayed)).toEqual([]);
    const outputs = (r: SimulationReport) => r.scenarios.flatMap((s) => s.steps.map((st) => st.output));
    expect(outputs(replayed)).toEqual(outputs(report));
  });

  it('fails a request the recording does not hold instead of passing silently', async () => {
    const changed = [
      {
        name: 'changed',
        steps: [
          ...scenarios[0].steps.slice(0, 1),
          { run: { module: 'searchMovies', parameters: { limit: 2, sortBy: 'updatedAt' } } },
        ],
      },
    ];
    const replayed = await simulateApp(app, { scenarios: changed, replay: harFile, seed: 7 });
    const step = replayed.scenarios[0].steps[1];
    expect(step.status).toBe('fail');
    expect(step.error?.message).toMatch(
      /Replay: no unused entry .* matches GET https:\/\/app-academy\.make\.com\/api\/v2\/movies\?.*sortBy=updatedAt/,
    );
  });
});
