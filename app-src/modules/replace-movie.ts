import { defineModule } from 'make-app-toolkit/authoring';
import { academy } from '../connections/academy.ts';
import { movieBody, movieFields, movieIdParameter, movieInterface, movieSample } from '../shared/movie.ts';

export const replaceMovie = defineModule({
  name: 'replaceMovie',
  type: 'action',
  crud: 'update',
  label: 'Replace a movie',
  description: 'Replaces all fields of one of your movies (full update: fields left empty are cleared).',
  connection: academy,
  scope: ['read', 'write'],
  mappableParameters: [movieIdParameter, ...movieFields(true)],
  communication: ({ parameters }) => ({
    url: `/movies/${parameters.movieId}`,
    method: 'PUT',
    body: movieBody(parameters),
  }),
  interface: movieInterface,
  samples: movieSample,
});
