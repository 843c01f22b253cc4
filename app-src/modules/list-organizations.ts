import { defineModule } from 'make-app-toolkit/authoring';
import { academy } from '../connections/academy.ts';
import { limitParameter } from '../shared/limit.ts';

export const listOrganizations = defineModule({
  name: 'listOrganizations',
  type: 'search',
  label: 'List organizations',
  description: 'Lists studios and companies involved in movies.',
  connection: academy,
  scope: ['read'],
  mappableParameters: [limitParameter],
  communication: ({ parameters, body, item, pagination }) => ({
    url: '/organizations',
    method: 'GET',
    // Has-more pagination: ask for the next page while the API says there is more.
    pagination: {
      qs: { page: pagination.page },
      condition: body.hasMore,
    },
    response: {
      iterate: body.organizations,
      output: item,
      limit: parameters.limit,
    },
  }),
  interface: [
    { name: 'id', type: 'text', label: 'Organization ID' },
    { name: 'name', type: 'text', label: 'Name' },
    { name: 'type', type: 'text', label: 'Type' },
    { name: 'country', type: 'text', label: 'Country' },
  ],
  samples: { id: '5e2a9c7d1f03', name: 'Marvel Studios', type: 'studio', country: 'US' },
});
