import { defineModule, expr } from 'make-app-toolkit/authoring';
import { academy } from '../connections/academy.ts';
import { movieInterface, movieSample } from '../shared/movie.ts';

export const watchNewMovies = defineModule({
  name: 'watchNewMovies',
  type: 'trigger',
  label: 'Watch new movies',
  description: 'Triggers when a movie is created.',
  connection: academy,
  scope: ['read'],
  staticParameters: [
    {
      name: 'limit',
      type: 'uinteger',
      label: 'Limit',
      help: 'Maximum number of new movies to return in one run.',
      default: 10,
      required: true,
      validate: { min: 1, max: 20 },
    },
  ],
  // Newest first, so Make can stop at the first movie it has already seen.
  communication: ({ parameters, body, item, pagination }) => ({
    url: '/movies',
    method: 'GET',
    qs: { sortBy: 'createdAt', order: 'desc' },
    pagination: {
      qs: { page: pagination.page },
      condition: expr`${body.page} < ${body.totalPages}`,
    },
    response: {
      iterate: body.movies,
      output: item,
      limit: parameters.limit,
      trigger: { type: 'date', order: 'desc', id: item.id, date: item.createdAt },
    },
  }),
  // "Choose where to start": the movies to pick from, labelled by name.
  epoch: ({ body, item, pagination }) => ({
    url: '/movies',
    method: 'GET',
    qs: { sortBy: 'createdAt', order: 'desc' },
    pagination: {
      qs: { page: pagination.page },
      condition: expr`${body.page} < ${body.totalPages}`,
    },
    response: {
      iterate: body.movies,
      limit: 300,
      output: { label: item.name, date: item.createdAt },
    },
  }),
  interface: movieInterface,
  samples: movieSample,
});
