import { defineWebhook } from 'make-app-toolkit/authoring';
import { academy } from '../connections/academy.ts';
import { API_BASE } from '../shared/api.ts';

/**
 * Dedicated webhook: attach registers Make's URL with the API (one webhook per user), detach
 * removes it. Webhook code does not inherit Base, so URL and token are spelled out here.
 */
export const movieEvents = defineWebhook({
  name: 'movieEvents',
  label: 'Movie events',
  type: 'web',
  connection: academy,
  stores: ['hookId'],
  parameters: [
    {
      name: 'events',
      type: 'select',
      label: 'Events',
      help: 'Which changes of your movies to receive.',
      multiple: true,
      required: true,
      default: ['create', 'update'],
      options: [
        { label: 'Movie created', value: 'create' },
        { label: 'Movie updated', value: 'update' },
        { label: 'Movie deleted', value: 'delete' },
      ],
    },
  ],
  // The API posts { event, movie, timestamp } once per change.
  communication: ({ body }) => ({ output: body }),
  attach: ({ parameters, connection, webhook, body }) => ({
    url: `${API_BASE}/webhooks`,
    method: 'POST',
    headers: { authorization: `Bearer ${connection.accessToken}` },
    body: { url: webhook.url, events: parameters.events },
    response: { data: { hookId: body.id } },
    log: { sanitize: ['request.headers.authorization'] },
  }),
  detach: ({ connection, webhook }) => ({
    url: `${API_BASE}/webhooks/${webhook.hookId}`,
    method: 'DELETE',
    headers: { authorization: `Bearer ${connection.accessToken}` },
    log: { sanitize: ['request.headers.authorization'] },
  }),
  scope: ['write', 'delete'],
});
