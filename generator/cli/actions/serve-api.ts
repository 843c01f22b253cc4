import { type AcademyApi, startAcademyApi } from '../../academy-api/index.ts';
import { createSystemClock } from '../../model/clock.ts';
import { EXIT, UsageError } from '../errors.ts';

export interface ServeApiOptions {
  port: string;
  host: string;
  accessMinutes?: string;
  refreshMinutes?: string;
  codeMinutes?: string;
  seed?: string;
  quiet?: boolean;
  json?: boolean;
  externalWebhooks?: boolean;
}

/** Parses a whole number option, or says which option is wrong. */
function wholeNumber(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function banner(api: AcademyApi): string {
  const c = api.defaultClient;
  const { accessMinutes, refreshMinutes, codeMinutes } = api.lifetimes;
  return [
    `App Academy API (embedded) listening on ${api.url}`,
    '',
    `  v1 base:        ${api.apiBase(1)}   (header x-api-key)`,
    `  v2 base:        ${api.apiBase(2)}   (authorization: Bearer <token>)`,
    `  authorize:      ${api.authorizeUrl()}`,
    `  token:          POST ${api.apiBase(2)}/token`,
    '',
    `  client_id:      ${c.clientId}`,
    `  client_secret:  ${c.clientSecret}`,
    `  redirect_uri:   ${c.redirectUri}`,
    `  api key (v1):   ${c.apiKey}   (acts as ${c.apiKeyUser ?? 'john'})`,
    '',
    `  users:          john = ${api.users.john.name} <${api.users.john.email}> (${api.users.john.id})`,
    `                  jane = ${api.users.jane.name} <${api.users.jane.email}> (${api.users.jane.id})`,
    `  lifetimes:      access ${accessMinutes} min, refresh ${refreshMinutes} min, code ${codeMinutes} min`,
    '',
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}

export async function runServeApi(opts: ServeApiOptions): Promise<number> {
  const port = wholeNumber('port', opts.port, 0, 65535)!;
  const seed = wholeNumber('seed', opts.seed, 0, 2 ** 31);
  const max = 10 * 365 * 24 * 60;
  const lifetimes = {
    accessMinutes: wholeNumber('access-minutes', opts.accessMinutes, 1, max),
    refreshMinutes: wholeNumber('refresh-minutes', opts.refreshMinutes, 1, max),
    codeMinutes: wholeNumber('code-minutes', opts.codeMinutes, 1, max),
  };
  for (const key of Object.keys(lifetimes) as (keyof typeof lifetimes)[])
    if (lifetimes[key] === undefined) delete lifetimes[key];
  let api: AcademyApi;
  try {
    api = await startAcademyApi({
      port,
      host: opts.host,
      deterministic: seed !== undefined,
      seed,
      // A manual session runs on real time even when seeded.
      clock: createSystemClock(),
      lifetimes,
      webhooks: { allowExternal: Boolean(opts.externalWebhooks) },
      onRequest: opts.quiet
        ? undefined
        : (e) =>
            process.stdout.write(
              `${e.at}  ${e.method} ${e.path} ${e.status}  ${e.client ?? '-'} ${e.user ?? '-'}\n`,
            ),
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') throw new UsageError(`port ${port} on ${opts.host} is already in use`);
    if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND')
      throw new UsageError(`cannot bind to host "${opts.host}"`);
    throw e;
  }
  // Listen for the stop signals before printing: whoever reads the banner may signal at once.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  if (opts.json) {
    const c = api.defaultClient;
    process.stdout.write(
      `${JSON.stringify({ url: api.url, v1: api.apiBase(1), v2: api.apiBase(2), authorize: api.authorizeUrl(), client: c, users: api.users, lifetimes: api.lifetimes })}\n`,
    );
  } else process.stdout.write(banner(api));
  await stopped;
  await api.close();
  if (!opts.json) process.stdout.write('Stopped.\n');
  return EXIT.ok;
}
