import { defineModule, expr } from 'make-app-toolkit/authoring';
import { academy } from '../connections/academy.ts';
import { limitParameter } from '../shared/limit.ts';
import { movieInterface, movieSample } from '../shared/movie.ts';

export const searchMovies = defineModule({
  name: 'searchMovies',
  type: 'search',
  label: 'Search movies',
  description: 'Lists movies, optionally those created or changed since a date, in the order you choose.',
  connection: academy,
  scope: ['read'],
  mappableParameters: [
    {
      name: 'since',
      type: 'date',
      label: 'Since',
      help: 'Only movies whose sort field (creation date by default) is at or after this time.',
    },
    {
      name: 'sortBy',
      type: 'select',
      label: 'Sort by',
      default: 'createdAt',
      options: [
        { label: 'Created at', value: 'createdAt' },
        { label: 'Updated at', value: 'updatedAt' },
        { label: 'Name', value: 'name' },
        { label: 'Original premiere', value: 'originalPremiere' },
        { label: 'Czech premiere', value: 'czechPremiere' },
      ],
    },
    {
      name: 'order',
      type: 'select',
      label: 'Order',
      default: 'asc',
      options: [
        { label: 'Ascending', value: 'asc' },
        { label: 'Descending', value: 'desc' },
      ],
    },
    limitParameter,
  ],
  communication: ({ parameters, body, item, pagination }) => ({
    url: '/movies',
    method: 'GET',
    qs: { since: parameters.since, sortBy: parameters.sortBy, order: parameters.order },
    // Page pagination: the response says which page it is and how many there are.
    pagination: {
      qs: { page: pagination.page },
      condition: expr`${body.page} < ${body.totalPages}`,
    },
    response: {
      iterate: body.movies,
      output: item,
      limit: parameters.limit,
    },
  }),
  interface: movieInterface,
  samples: movieSample,
});
