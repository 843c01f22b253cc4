/**
 * What one simulation run is set up with, each its own decision: the client registration (live,
 * embedded, or a replay's), the secrets to redact, and the users who can consent.
 */
import type { AcademyApi } from '../academy-api/index.ts';
import { classifyCommonKey, type Registration } from './common-data.ts';
import type { SimulateOptions } from './options.ts';
import { SecretSet } from './redact.ts';
import type { ReplaySource } from './replay.ts';
import type { AppUser } from './runtime.ts';

/** The credentials the app connects with: given, live, the embedded API's client, or stand-ins for a replay. */
export function registrationFor(
  opts: SimulateOptions,
  api: AcademyApi | undefined,
  replay: ReplaySource | undefined,
): Registration {
  if (opts.registration) return opts.registration;
  if (opts.live)
    return {
      clientId: opts.live.clientId,
      clientSecret: opts.live.clientSecret,
      apiKey: opts.live.apiKey,
      redirectUri: opts.live.redirectUri,
    };
  const client = api?.defaultClient;
  if (client)
    return {
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      redirectUri: client.redirectUri,
      apiKey: client.apiKey,
    };
  return {
    clientId: replay?.clientId ?? 'replay-client',
    clientSecret: 'replay-client-secret',
    apiKey: 'replay-api-key',
    redirectUri: replay?.redirectUri,
  };
}

/** Every value the recording must never show: the client secret and API key, also as a Basic pair and as common data. */
export function secretsFor(registration: Registration, opts: SimulateOptions): SecretSet {
  const secrets = new SecretSet(opts.harKeep);
  for (const s of [registration.clientSecret, registration.apiKey]) secrets.add(s);
  if (registration.clientId && registration.clientSecret)
    secrets.addBasicPair(registration.clientId, registration.clientSecret);
  for (const [k, v] of Object.entries(opts.common ?? {})) {
    const kind = classifyCommonKey(k);
    if (kind === 'clientSecret' || kind === 'apiKey') secrets.add(v);
  }
  return secrets;
}

/** The embedded API's users, or the course's two test users when there is no API (replay, live). */
export function usersOf(api: AcademyApi | undefined): AppUser[] {
  if (api) return Object.values(api.users).map((u) => ({ key: u.key, name: u.name, email: u.email }));
  return [
    { key: 'john', name: 'John Doe', email: 'john.doe@example.com' },
    { key: 'jane', name: 'Jane Black', email: 'jane.black@example.com' },
  ];
}
