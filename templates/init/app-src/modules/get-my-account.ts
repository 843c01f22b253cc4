import { defineModule, expr } from 'make-app-toolkit/authoring';
import { api } from '../connection.ts';

export const getMyAccount = defineModule({
  name: 'getMyAccount',
  type: 'action',
  crud: 'read',
  label: 'Get my account',
  description: 'Returns the connected account.',
  connection: api,
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
  ],
  samples: { id: '6a1f0c2b9d3e', name: 'John Doe', email: 'john.doe@example.com' },
});
