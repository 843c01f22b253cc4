import { readJsonObject } from '../body.ts';
import { LIMITS } from '../data/store.ts';
import { badRequest, notFound } from '../errors.ts';
import type { DataContext, Route } from '../router.ts';
import type { WebhookEvent } from '../types.ts';
import { webhookUrlProblem } from './webhook-delivery.ts';

const EVENTS: WebhookEvent[] = ['create', 'update', 'delete'];
const DEFAULT_EVENTS: WebhookEvent[] = ['create', 'update'];

/** Attach (one per user) and detach a webhook that receives the owner's movie events. */
export const webhookRoutes: Route<DataContext>[] = [
  {
    method: 'POST',
    pattern: '/webhooks',
    handle: async (ctx) => {
      const body = await readJsonObject(ctx.req);
      const problems: string[] = [];
      const urlProblem = webhookUrlProblem(body.url);
      if (urlProblem) problems.push(urlProblem);
      let events = DEFAULT_EVENTS;
      if (body.events !== undefined && body.events !== null) {
        const e = body.events;
        if (!Array.isArray(e) || e.length === 0 || !e.every((x) => EVENTS.includes(x as WebhookEvent))) {
          problems.push(`events must be a non-empty array of ${EVENTS.map((x) => `"${x}"`).join(', ')}`);
        } else events = EVENTS.filter((x) => e.includes(x));
      }
      if (problems.length) throw badRequest(`Invalid webhook: ${problems.join('; ')}`);
      const account = ctx.state.data.account(ctx.auth.client.clientId, ctx.auth.user.key);
      if (account.webhook) {
        throw badRequest(
          `Only ${LIMITS.webhooks} webhook per user; detach webhook ${account.webhook.id} first (GET /about shows it)`,
        );
      }
      account.webhook = {
        id: ctx.state.data.newId('webhook'),
        url: body.url as string,
        events,
        createdAt: ctx.state.clock.now(),
      };
      const { id, url } = account.webhook;
      return { status: 200, json: { id, url, events } };
    },
  },
  {
    method: 'DELETE',
    pattern: '/webhooks/:id',
    handle: (ctx) => {
      const account = ctx.state.data.account(ctx.auth.client.clientId, ctx.auth.user.key);
      if (!account.webhook || account.webhook.id !== ctx.params.id) throw notFound('Webhook not found');
      account.webhook = null;
      return { status: 204 };
    },
  },
];
