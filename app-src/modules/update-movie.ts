import { defineModule } from 'make-app-toolkit/authoring';
import { academy } from '../connections/academy.ts';
import { movieBody, movieFields, movieIdParameter, movieInterface, movieSample } from '../shared/movie.ts';

export const updateMovie = defineModule({
  name: 'updateMovie',
  type: 'action',
  crud: 'update',
  label: 'Update a movie',
  description: 'Changes only the fields you fill in on one of your movies (partial update).',
  connection: academy,
  scope: ['read', 'write'],
  mappableParameters: [movieIdParameter, ...movieFields(false)],
  communication: ({ parameters }) => ({
    url: `/movies/${parameters.movieId}`,
    method: 'PATCH',
    body: movieBody(parameters),
  }),
  interface: movieInterface,
  samples: movieSample,
});
