import { resolve } from 'node:path';
import type { Command } from 'commander';
import {
  formatReport,
  type HostMap,
  type LiveTarget,
  loadScenarios,
  ReplayFileError,
  type Scenario,
  ScenarioError,
  SimulationSetupError,
  simulateApp,
  toMermaid,
} from '../../simulate/index.ts';
import { loadUsableApp } from '../app-input.ts';
import { EXIT, InputError, UsageError } from '../errors.ts';
import { checkInputFile, INPUT_LIMITS } from '../input-file.ts';
import { appFiles, checkOutputPath, inputFiles, isFsError, writeOutput } from '../output-guard.ts';
import type { SetExit } from './index.ts';

interface SimulateFlags {
  scenario?: string;
  har?: string;
  replay?: string;
  mermaid?: string;
  seed?: string;
  live?: boolean;
  yesSendRealRequests?: boolean;
  hostMap?: string[];
  common?: string[];
  equality?: string;
  json?: boolean;
  verbose?: boolean;
}

/** `--live` guards: credentials from the environment and an explicit confirmation flag. */
export function liveTarget(flags: SimulateFlags, env: NodeJS.ProcessEnv): LiveTarget | undefined {
  if (!flags.live) return undefined;
  if (flags.replay) throw new UsageError('--live cannot be combined with --replay');
  const clientId = env.ACADEMY_CLIENT_ID;
  const clientSecret = env.ACADEMY_CLIENT_SECRET;
  if (!clientId || !clientSecret)
    throw new UsageError(
      '--live needs ACADEMY_CLIENT_ID and ACADEMY_CLIENT_SECRET in the environment (never on the command line)',
    );
  if (!flags.yesSendRealRequests)
    throw new UsageError(
      '--live sends real requests to app-academy.make.com; add --yes-send-real-requests to confirm',
    );
  return {
    clientId,
    clientSecret,
    confirmed: true,
    ...(env.ACADEMY_API_KEY ? { apiKey: env.ACADEMY_API_KEY } : {}),
    ...(env.ACADEMY_REDIRECT_URI ? { redirectUri: env.ACADEMY_REDIRECT_URI } : {}),
  };
}

function parseCommon(entries: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of entries) {
    const i = e.indexOf('=');
    if (i <= 0) throw new UsageError(`--common expects key=value, got "${e}"`);
    out[e.slice(0, i)] = e.slice(i + 1);
  }
  return out;
}

function parseHostMap(entries: string[] = []): HostMap {
  const out: HostMap = {};
  for (const e of entries) {
    const m = /^([^=\s]+)=(https?:\/\/\S+)$/.exec(e);
    if (!m) throw new UsageError(`--host-map expects host=http://origin, got "${e}"`);
    out[m[1]] = m[2];
  }
  return out;
}

export function registerSimulate(program: Command, setExit: SetExit): void {
  program
    .command('simulate')
    .description(
      'Run an app the way Make does against the embedded App Academy API (smoke scenario by default)',
    )
    .argument('<app>', 'app folder (makecomapp.json or *.imljson export) or app.bundle.json')
    .option(
      '--scenario <path>',
      'scenario YAML file or folder of them (default: a smoke scenario generated from the app)',
    )
    .option('--har <out>', 'write every exchange, redacted, as HAR 1.2')
    .option(
      '--replay <har>',
      'answer requests from a recorded HAR instead of the API (unmatched requests fail)',
    )
    .option('--mermaid <out.md>', 'write a Mermaid sequence diagram of the flow')
    .option('--seed <n>', 'seed of the embedded API and of IML random/uuid', '1')
    .option('--host-map <host=url...>', 'route another host to a local server (repeatable)')
    .option('--common <key=value...>', "override a common-data key the app's IML reads (repeatable)")
    .option('--equality <mode>', 'IML equality: loose (default) or strict')
    .option('--json', 'print the report as JSON')
    .option('-v, --verbose', 'print output bundles')
    .option('--live', 'target the real API with ACADEMY_CLIENT_ID/ACADEMY_CLIENT_SECRET from the environment')
    .option('--yes-send-real-requests', 'confirm --live')
    .action(async (appPath: string, flags: SimulateFlags) => {
      const seed = Number(flags.seed ?? '1');
      if (!Number.isInteger(seed) || seed < 0)
        throw new UsageError(`--seed must be a non-negative integer, got "${flags.seed}"`);
      if (flags.equality && flags.equality !== 'loose' && flags.equality !== 'strict')
        throw new UsageError('--equality must be loose or strict');
      const live = liveTarget(flags, process.env);
      const hostMap = parseHostMap(flags.hostMap);
      const common = parseCommon(flags.common);
      if (flags.scenario) checkInputFile(flags.scenario, '--scenario', INPUT_LIMITS.scenario, true);
      if (flags.replay) checkInputFile(flags.replay, '--replay', INPUT_LIMITS.har);
      const app = loadUsableApp(appPath);
      // Outputs are checked before the run: never the app, the scenarios or the recording replayed.
      const keep = appFiles(app, 'a file of the app being simulated');
      if (flags.scenario) inputFiles(flags.scenario, 'a --scenario file', keep);
      if (flags.replay) inputFiles(flags.replay, 'the --replay recording', keep);
      const outputs = { '--har': flags.har, '--mermaid': flags.mermaid };
      if (flags.har) checkOutputPath('--har', flags.har, keep, outputs);
      if (flags.mermaid) checkOutputPath('--mermaid', flags.mermaid, keep, outputs);
      let scenarios: Scenario[] | 'smoke' = 'smoke';
      if (flags.scenario) {
        try {
          scenarios = loadScenarios(flags.scenario);
        } catch (e) {
          if (e instanceof ScenarioError)
            throw new InputError(e.message, { file: e.file, line: e.line, column: e.column });
          throw e;
        }
      }
      let report: Awaited<ReturnType<typeof simulateApp>>;
      try {
        report = await simulateApp(app, {
          scenarios,
          seed,
          hostMap,
          ...(Object.keys(common).length ? { common } : {}),
          ...(flags.har ? { har: flags.har } : {}),
          ...(flags.replay ? { replay: resolve(flags.replay) } : {}),
          ...(flags.equality ? { equality: flags.equality as 'loose' | 'strict' } : {}),
          ...(live ? { live } : {}),
        });
      } catch (e) {
        if (e instanceof SimulationSetupError) throw new UsageError(e.message);
        if (e instanceof ReplayFileError)
          throw new InputError(e.message, { file: flags.replay, line: e.line, column: e.column });
        if (flags.har && isFsError(e))
          throw new InputError(`cannot write the HAR file: ${(e as Error).message}`, { file: flags.har });
        throw e;
      }
      if (flags.mermaid) writeOutput(flags.mermaid, toMermaid(report));
      process.stdout.write(
        flags.json
          ? `${JSON.stringify(report, null, 2)}\n`
          : formatReport(report, { verbose: flags.verbose }),
      );
      setExit(report.summary.failed > 0 ? EXIT.findings : EXIT.ok);
    });
}
