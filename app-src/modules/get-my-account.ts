import { defineModule, expr } from 'make-app-toolkit/authoring';
import { academy } from '../connections/academy.ts';

export const getMyAccount = defineModule({
  name: 'getMyAccount',
  type: 'action',
  crud: 'read',
  label: 'Get my account',
  description: 'Returns the connected App Academy account, its webhook and redirect URL.',
  connection: academy,
  scope: ['read'],
  communication: ({ body }) => ({
    url: '/about',
    method: 'GET',
    // The API answers a one-element array.
    response: { output: expr`first(${body})` },
  }),
  interface: [
    { name: 'id', type: 'text', label: 'Account ID' },
    { name: 'name', type: 'text', label: 'Name' },
    { name: 'email', type: 'email', label: 'Email' },
    { name: 'webhook', type: 'url', label: 'Webhook URL' },
    { name: 'webhookId', type: 'text', label: 'Webhook ID' },
    { name: 'webhook-watched-items', type: 'text', label: 'Webhook watched items' },
    { name: 'redirect-URI', type: 'url', label: 'Redirect URI' },
  ],
  samples: {
    id: '6a1f0c2b9d3e',
    name: 'John Doe',
    email: 'john.doe@example.com',
    webhook: null,
    webhookId: null,
    'webhook-watched-items': 'create, update',
    'redirect-URI': 'https://www.make.com/oauth/cb/app',
  },
});
