import { defineRpc, expr } from 'make-app-toolkit/authoring';
import { academy } from '../connections/academy.ts';

/** Movie picker: options `{label, value}` over every page of /movies (at most 20 movies exist). */
export const listMoviesRpc = defineRpc({
  name: 'listMoviesRpc',
  label: 'List movies',
  connection: academy,
  communication: ({ body, item, pagination }) => ({
    url: '/movies',
    method: 'GET',
    qs: { sortBy: 'name', order: 'asc' },
    pagination: {
      qs: { page: pagination.page },
      condition: expr`${body.page} < ${body.totalPages}`,
    },
    response: {
      iterate: body.movies,
      output: { label: item.name, value: item.id },
    },
  }),
});
