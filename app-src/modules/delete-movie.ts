import { defineModule } from 'make-app-toolkit/authoring';
import { academy } from '../connections/academy.ts';
import { movieIdParameter } from '../shared/movie.ts';

export const deleteMovie = defineModule({
  name: 'deleteMovie',
  type: 'action',
  crud: 'delete',
  label: 'Delete a movie',
  description: 'Deletes one of your movies. The 6 default movies cannot be deleted.',
  connection: academy,
  scope: ['read', 'delete'],
  mappableParameters: [movieIdParameter],
  communication: ({ parameters }) => ({
    url: `/movies/${parameters.movieId}`,
    method: 'DELETE',
    // The API answers 204 without a body: output the ID that was deleted.
    response: { output: { id: parameters.movieId } },
  }),
  interface: [{ name: 'id', type: 'text', label: 'Deleted movie ID' }],
  samples: { id: '0c841ade9610' },
});
