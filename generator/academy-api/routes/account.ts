import { CUSTOM_FIELDS } from '../data/seed.ts';
import type { DataContext, Route } from '../router.ts';

/** About (the documented one-element array) and custom fields (definitions only; values are never stored). */
export const accountRoutes: Route<DataContext>[] = [
  {
    method: 'GET',
    pattern: '/about',
    handle: ({ state, auth }) => {
      const hook = state.data.account(auth.client.clientId, auth.user.key).webhook;
      return {
        status: 200,
        json: [
          {
            id: auth.user.id,
            name: auth.user.name,
            email: auth.user.email,
            webhook: hook?.url ?? null,
            webhookId: hook?.id ?? null,
            'webhook-watched-items': (hook?.events ?? ['create', 'update']).join(', '),
            'redirect-URI': auth.client.redirectUri,
          },
        ],
      };
    },
  },
  {
    method: 'GET',
    pattern: '/custom-fields',
    handle: () => ({ status: 200, json: { fields: CUSTOM_FIELDS } }),
  },
];
