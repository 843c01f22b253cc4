/** The report of a run: its summary, and the redacted HAR recording when one was asked for. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AppModel } from '../model/index.ts';
import type { Registration } from './common-data.ts';
import { buildHar } from './har.ts';
import type { Recorder } from './recorder.ts';
import type { ScenarioReport, SimulationReport } from './types.ts';

export function reportOf(
  app: AppModel,
  target: SimulationReport['target'],
  reports: ScenarioReport[],
): SimulationReport {
  const steps = reports.flatMap((r) => r.steps);
  return {
    app: {
      ...(typeof app.info.name === 'string' ? { name: app.info.name } : {}),
      ...(typeof app.info.label === 'string' ? { label: app.info.label } : {}),
      root: app.root,
    },
    target,
    scenarios: reports,
    summary: {
      scenarios: reports.length,
      steps: steps.length,
      passed: steps.filter((s) => s.status === 'pass').length,
      failed: steps.filter((s) => s.status === 'fail').length,
    },
  };
}

/** Writes the HAR 1.2 recording (already redacted by the recorder). */
export function writeHar(
  file: string,
  recorder: Recorder,
  scenarios: { name: string; startedMs: number }[],
  registration: Registration,
): void {
  const abs = resolve(file);
  mkdirSync(dirname(abs), { recursive: true });
  const har = buildHar(recorder, {
    scenarios,
    ...(registration.clientId ? { clientId: registration.clientId } : {}),
    ...(registration.redirectUri ? { redirectUri: registration.redirectUri } : {}),
  });
  writeFileSync(abs, `${JSON.stringify(har, null, 2)}\n`);
}
