import type { HostMap, LiveTarget } from '../../simulate/index.ts';
import { formatReport, toMermaid } from '../../simulate/index.ts';
import { writeOutput } from '../../workflow/output-guard.ts';
import { simulate } from '../../workflow/simulate.ts';
import { EXIT, UsageError } from '../errors.ts';

export interface SimulateFlags {
  scenario?: string;
  har?: string;
  harKeep?: string[];
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
function liveTarget(flags: SimulateFlags, env: NodeJS.ProcessEnv): LiveTarget | undefined {
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

export async function runSimulate(appPath: string, flags: SimulateFlags): Promise<number> {
  const seed = Number(flags.seed ?? '1');
  if (!Number.isInteger(seed) || seed < 0)
    throw new UsageError(`--seed must be a non-negative integer, got "${flags.seed}"`);
  if (flags.equality && flags.equality !== 'loose' && flags.equality !== 'strict')
    throw new UsageError('--equality must be loose or strict');
  const live = liveTarget(flags, process.env);
  const report = await simulate({
    app: appPath,
    scenario: flags.scenario,
    har: flags.har,
    harKeep: flags.harKeep,
    replay: flags.replay,
    outputs: { '--mermaid': flags.mermaid },
    seed,
    hostMap: parseHostMap(flags.hostMap),
    common: parseCommon(flags.common),
    ...(flags.equality ? { equality: flags.equality as 'loose' | 'strict' } : {}),
    ...(live ? { live } : {}),
  });
  if (flags.mermaid) writeOutput(flags.mermaid, toMermaid(report));
  process.stdout.write(
    flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, { verbose: flags.verbose }),
  );
  return report.summary.failed > 0 ? EXIT.findings : EXIT.ok;
}
