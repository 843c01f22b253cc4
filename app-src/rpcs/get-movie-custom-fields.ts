import { defineRpc } from 'make-app-toolkit/authoring';
import { academy } from '../connections/academy.ts';

/**
 * Movie custom fields as dynamic fields: each API field becomes a Make parameter (the API's
 * types `text`, `number`, `boolean` are Make parameter types already).
 */
export const getMovieCustomFields = defineRpc({
  name: 'getMovieCustomFields',
  label: 'Get movie custom fields',
  connection: academy,
  communication: ({ body, item }) => ({
    url: '/custom-fields',
    method: 'GET',
    response: {
      iterate: body.fields,
      output: { name: item.name, label: item.label, type: item.type },
    },
  }),
});
