import type { IncomingMessage } from 'node:http';
import { ApiError } from './errors.ts';
import type { TokenPair } from './oauth/token-store.ts';
import type { ServerState } from './router.ts';
import type { AuthContext } from './types.ts';
import { APP_USERS } from './users.ts';

/** v1: `x-api-key` names a client; the key acts as that client's `apiKeyUser` (john by default). */
export function authenticateApiKey(req: IncomingMessage, state: ServerState): AuthContext {
  const key = header(req, 'x-api-key');
  if (!key) throw new ApiError(401, 'Missing API key: send the x-api-key header');
  const client = state.clients.byApiKey(key);
  if (!client) throw new ApiError(401, 'Invalid API key');
  return { client, user: APP_USERS[client.apiKeyUser ?? 'john'], version: 1, scopes: null };
}

/** v2: `authorization: Bearer <access_token>`; the token must be live (not expired, rotated or revoked). */
export function authenticateBearer(
  req: IncomingMessage,
  state: ServerState,
): { auth: AuthContext; pair: TokenPair } {
  const value = header(req, 'authorization');
  const match = value ? /^bearer\s+(\S+)\s*$/i.exec(value) : null;
  if (!match) {
    throw new ApiError(
      401,
      'Missing access token: send "authorization: Bearer <access_token>"',
      'invalid_request',
      {
        'www-authenticate': 'Bearer realm="academy"',
      },
    );
  }
  const pair = state.tokens.authenticate(match[1]!);
  const client = state.clients.find(pair.clientId);
  if (!client) throw new ApiError(401, 'The client of this token is no longer registered', 'invalid_token');
  return {
    auth: {
      client,
      user: APP_USERS[pair.user],
      version: 2,
      scopes: [...pair.scopes],
      accessToken: pair.accessToken,
    },
    pair,
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
