import { defineModule } from 'make-app-toolkit/authoring';
import { academy } from '../connections/academy.ts';
import { movieIdParameter, movieInterface, movieSample } from '../shared/movie.ts';

export const getMovie = defineModule({
  name: 'getMovie',
  type: 'action',
  crud: 'read',
  label: 'Get a movie',
  description: 'Returns one movie by its ID.',
  connection: academy,
  scope: ['read'],
  mappableParameters: [movieIdParameter],
  communication: ({ parameters }) => ({
    url: `/movies/${parameters.movieId}`,
    method: 'GET',
  }),
  interface: movieInterface,
  samples: movieSample,
});
