import { authenticateBearer } from '../auth.ts';
import type { RequestContext, Route } from '../router.ts';

/** Info (needs a live token, not `read`) and invalidate (ends the token and its refresh token). */
export const sessionRoutes: Route<RequestContext>[] = [
  {
    method: 'GET',
    pattern: '/info',
    handle: (ctx) => {
      const { auth } = authenticateBearer(ctx.req, ctx.state);
      ctx.attribute(auth.client.clientId, auth.user.key);
      return {
        status: 200,
        json: { id: auth.user.id, name: auth.user.name, email: auth.user.email, scope: auth.scopes },
      };
    },
  },
  {
    method: 'GET',
    pattern: '/invalidate',
    handle: (ctx) => {
      const { auth, pair } = authenticateBearer(ctx.req, ctx.state);
      ctx.attribute(auth.client.clientId, auth.user.key);
      ctx.state.tokens.invalidate(pair);
      return { status: 200, json: { message: 'Access invalidated.' } };
    },
  },
];
