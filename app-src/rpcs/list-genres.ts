import { defineRpc } from 'make-app-toolkit/authoring';
import { academy } from '../connections/academy.ts';

/** Genres as select options (`{label, value}`); the API answers them all at once. */
export const listGenres = defineRpc({
  name: 'listGenres',
  label: 'List genres',
  connection: academy,
  communication: ({ body, item }) => ({
    url: '/genres',
    method: 'GET',
    response: {
      iterate: body.genres,
      output: { label: item.name, value: item.id },
    },
  }),
});
