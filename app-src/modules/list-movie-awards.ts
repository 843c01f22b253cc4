import { defineModule } from 'make-app-toolkit/authoring';
import { academy } from '../connections/academy.ts';
import { limitParameter } from '../shared/limit.ts';
import { movieIdParameter } from '../shared/movie.ts';

export const listMovieAwards = defineModule({
  name: 'listMovieAwards',
  type: 'search',
  label: 'List movie awards',
  description: 'Lists the awards a movie obtained.',
  connection: academy,
  scope: ['read'],
  mappableParameters: [movieIdParameter, limitParameter],
  communication: ({ parameters, body, item }) => ({
    url: `/awards/${parameters.movieId}`,
    method: 'GET',
    response: {
      iterate: body.awards,
      output: item,
      limit: parameters.limit,
    },
  }),
  interface: [
    { name: 'id', type: 'text', label: 'Award ID' },
    { name: 'name', type: 'text', label: 'Award' },
    { name: 'year', type: 'uinteger', label: 'Year' },
    { name: 'category', type: 'text', label: 'Category' },
  ],
  samples: { id: 'a10c4e8f2b6d', name: 'Academy Award', year: 2009, category: 'Best Supporting Actor' },
});
