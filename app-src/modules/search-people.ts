import { defineModule, expr } from 'make-app-toolkit/authoring';
import { academy } from '../connections/academy.ts';
import { limitParameter } from '../shared/limit.ts';

export const searchPeople = defineModule({
  name: 'searchPeople',
  type: 'search',
  label: 'Search people',
  description: 'Finds people involved in movies by name, with the API query syntax.',
  connection: academy,
  scope: ['read'],
  mappableParameters: [
    {
      name: 'q',
      type: 'text',
      label: 'Query',
      help:
        'Conditions on the name joined by `AND`, each value in double quotes, for example ' +
        '`startsWith = "Rob" AND endsWith = "Jr."`. Operators: `contains`, `startsWith`, `endsWith`, `equals`. ' +
        'Leave empty to list everyone.',
    },
    limitParameter,
  ],
  communication: ({ parameters, body, item }) => ({
    url: '/people',
    method: 'GET',
    qs: { q: parameters.q, limit: 5 },
    // Offset pagination: the next offset follows from what the last page said.
    pagination: {
      qs: { offset: expr`${body.offset} + ${body.limit}` },
      condition: expr`${body.offset} + ${body.limit} < ${body.total}`,
    },
    response: {
      iterate: body.people,
      output: item,
      limit: parameters.limit,
    },
  }),
  interface: [
    { name: 'id', type: 'text', label: 'Person ID' },
    { name: 'name', type: 'text', label: 'Name' },
    { name: 'createdAt', type: 'date', label: 'Created at' },
    { name: 'updatedAt', type: 'date', label: 'Updated at' },
  ],
  samples: {
    id: '5bfb3056c5e4',
    name: 'Robert Downey Jr.',
    createdAt: '2023-04-13T17:04:47+00:00',
    updatedAt: '2023-04-13T17:04:47+00:00',
  },
});
