import { defineModule } from 'make-app-toolkit/authoring';
import { academy } from '../connections/academy.ts';
import { movieBody, movieFields, movieInterface, movieSample } from '../shared/movie.ts';

export const createMovie = defineModule({
  name: 'createMovie',
  type: 'action',
  crud: 'create',
  label: 'Create a movie',
  description: 'Creates a movie in your App Academy account (at most 14 of your own).',
  connection: academy,
  // write for POST; read for the genre and custom-field lists the form loads.
  scope: ['read', 'write'],
  mappableParameters: movieFields(true),
  communication: ({ parameters }) => ({
    url: '/movies',
    method: 'POST',
    body: movieBody(parameters),
  }),
  interface: movieInterface,
  samples: movieSample,
});
