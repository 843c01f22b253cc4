import { ApiError } from './errors.ts';
import type { IdSource } from './ids.ts';
import type { ClientRegistration } from './types.ts';
import { httpsOrLoopbackProblem } from './urls.ts';
import { isUserKey } from './users.ts';

/** The redirect URI Make uses for custom apps; the default registration names it. */
export const DEFAULT_REDIRECT_URI = 'https://www.make.com/oauth/cb/app';

/** Registered clients (apps). Several may exist; data is kept per (client, app user). */
export class ClientRegistry {
  private readonly byId = new Map<string, ClientRegistration>();

  constructor(private readonly ids: IdSource) {}

  get all(): ClientRegistration[] {
    return [...this.byId.values()];
  }

  /** Registers a client; missing credentials are generated (seeded in deterministic mode). */
  register(partial: Partial<ClientRegistration> = {}): ClientRegistration {
    const client: ClientRegistration = {
      clientId: partial.clientId ?? `client-${this.ids.hex('client:id', 12)}`,
      clientSecret: partial.clientSecret ?? this.ids.secret('cs_'),
      redirectUri: partial.redirectUri ?? DEFAULT_REDIRECT_URI,
      apiKey: partial.apiKey ?? this.ids.secret('ak_'),
      apiKeyUser: partial.apiKeyUser ?? 'john',
    };
    for (const [field, value] of Object.entries(client)) {
      if (typeof value !== 'string' || value === '')
        throw new TypeError(`registerClient: ${field} must be a non-empty string`);
    }
    if (!isUserKey(client.apiKeyUser))
      throw new TypeError('registerClient: apiKeyUser must be "john" or "jane"');
    const redirectProblem = httpsOrLoopbackProblem('redirectUri', client.redirectUri);
    if (redirectProblem) throw new TypeError(`registerClient: ${redirectProblem}`);
    // RFC 6749 §3.1.2: the redirection endpoint URI must not include a fragment.
    if (client.redirectUri.includes('#'))
      throw new TypeError('registerClient: redirectUri must not contain a fragment (#)');
    if (this.byId.has(client.clientId))
      throw new TypeError(`registerClient: client id "${client.clientId}" is taken`);
    if (this.all.some((c) => c.apiKey === client.apiKey))
      throw new TypeError('registerClient: API key already in use');
    this.byId.set(client.clientId, client);
    return client;
  }

  find(clientId: string | null | undefined): ClientRegistration | undefined {
    return clientId ? this.byId.get(clientId) : undefined;
  }

  byApiKey(key: string): ClientRegistration | undefined {
    return this.all.find((c) => c.apiKey === key);
  }

  /**
   * Authenticates a client at the token and refresh endpoints. Credentials come from HTTP Basic or
   * the body (`client_id`, `client_secret`); both at once must agree.
   */
  authenticate(authorization: string | undefined, body: Record<string, unknown>): ClientRegistration {
    const fromBody = { id: str(body.client_id), secret: str(body.client_secret) };
    let id = fromBody.id;
    let secret = fromBody.secret;
    if (authorization && /^basic\s/i.test(authorization)) {
      const basic = parseBasic(authorization);
      if (!basic)
        throw new ApiError(401, 'Malformed HTTP Basic credentials', 'invalid_client', basicChallenge);
      if (
        (fromBody.id && fromBody.id !== basic.id) ||
        (fromBody.secret && fromBody.secret !== basic.secret)
      ) {
        throw new ApiError(
          401,
          'Client credentials in the body and the Basic header differ',
          'invalid_client',
        );
      }
      id = basic.id;
      secret = basic.secret;
    }
    if (!id) throw new ApiError(401, 'Missing client_id', 'invalid_client');
    const client = this.find(id);
    if (!client || client.clientSecret !== secret) {
      throw new ApiError(
        401,
        secret ? 'Unknown client or wrong client_secret' : 'Missing client_secret',
        'invalid_client',
      );
    }
    return client;
  }
}

const basicChallenge = { 'www-authenticate': 'Basic realm="academy"' };

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** RFC 6749 §2.3.1: id and secret are form-urlencoded before being joined by a colon. */
function parseBasic(header: string): { id: string; secret: string } | null {
  const encoded = header.replace(/^basic\s+/i, '').trim();
  if (!/^[A-Za-z0-9+/=]+$/.test(encoded)) return null;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  try {
    const unform = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    return { id: unform(decoded.slice(0, colon)), secret: unform(decoded.slice(colon + 1)) };
  } catch {
    return null;
  }
}
