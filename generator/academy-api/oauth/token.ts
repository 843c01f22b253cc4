import { readStructuredBody } from '../body.ts';
import { ApiError } from '../errors.ts';
import type { Reply, RequestContext, Route } from '../router.ts';
import type { TokenPair } from './token-store.ts';

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

/** The four documented fields (lifetimes in minutes), plus token_type and the granted scope. */
function tokenReply(ctx: RequestContext, pair: TokenPair): Reply {
  const { accessMinutes, refreshMinutes } = ctx.state.tokens.lifetimes;
  return {
    status: 200,
    headers: NO_STORE,
    json: {
      access_token: pair.accessToken,
      token_type: 'Bearer',
      expires_in: accessMinutes,
      refresh_token: pair.refreshToken,
      refresh_expires_in: refreshMinutes,
      scope: pair.scopes.join(' '),
    },
  };
}

/** Token and refresh bodies: JSON or form-urlencoded, always an object. */
async function readTokenBody(ctx: RequestContext): Promise<Record<string, unknown>> {
  let value: unknown;
  try {
    ({ value } = await readStructuredBody(ctx.req, ['json', 'form']));
  } catch (e) {
    // OAuth endpoints name the RFC 6749 error code: a body they cannot read is invalid_request.
    if (e instanceof ApiError && !e.type)
      throw new ApiError(e.status, e.message, 'invalid_request', e.headers);
    throw e;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ApiError(400, 'The body must be an object of parameters', 'invalid_request');
  }
  return value as Record<string, unknown>;
}

function requiredString(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  if (typeof v !== 'string' || v === '') throw new ApiError(400, `${name} is required`, 'invalid_request');
  return v;
}

export const tokenRoutes: Route<RequestContext>[] = [
  {
    method: 'POST',
    pattern: '/token',
    handle: async (ctx) => {
      const body = await readTokenBody(ctx);
      const client = ctx.state.clients.authenticate(ctx.req.headers.authorization, body);
      ctx.attribute(client.clientId, null);
      const grant = requiredString(body, 'grant_type');
      if (grant !== 'authorization_code') {
        throw new ApiError(
          501,
          `Grant type not supported: "${grant}" (use authorization_code)`,
          'unsupported_grant_type',
        );
      }
      const code = requiredString(body, 'code');
      const redirectUri = typeof body.redirect_uri === 'string' ? body.redirect_uri : undefined;
      const pair = ctx.state.tokens.redeemCode(code, client.clientId, redirectUri, body.code_verifier);
      ctx.attribute(client.clientId, pair.user);
      return tokenReply(ctx, pair);
    },
  },
  {
    method: 'POST',
    pattern: '/refresh',
    handle: async (ctx) => {
      const body = await readTokenBody(ctx);
      const client = ctx.state.clients.authenticate(ctx.req.headers.authorization, body);
      ctx.attribute(client.clientId, null);
      if (body.grant_type !== undefined && body.grant_type !== 'refresh_token') {
        throw new ApiError(
          501,
          `Grant type not supported here: "${String(body.grant_type)}" (use refresh_token)`,
          'unsupported_grant_type',
        );
      }
      const pair = ctx.state.tokens.refresh(requiredString(body, 'refresh_token'), client.clientId);
      ctx.attribute(client.clientId, pair.user);
      return tokenReply(ctx, pair);
    },
  },
];
