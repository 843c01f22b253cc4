import { defineModule, expr } from 'make-app-toolkit/authoring';
import { academy } from '../connections/academy.ts';

const keyValueSpec = [
  { name: 'key', type: 'text', label: 'Key', required: true },
  { name: 'value', type: 'text', label: 'Value' },
] as const;

/**
 * "Make an API call": any v2 endpoint with the connection's token. The URL is a path joined to the
 * base URL (it starts with "/"), so a user cannot send the token to another host.
 */
export const makeApiCall = defineModule({
  name: 'makeApiCall',
  type: 'universal',
  label: 'Make an API call',
  description: 'Performs an arbitrary authorized API call.',
  connection: academy,
  scope: ['read', 'write', 'delete'],
  mappableParameters: [
    {
      name: 'url',
      type: 'text',
      label: 'URL',
      help: 'Path relative to `https://app-academy.make.com/api/v2`, for example `/movies`.',
      required: true,
    },
    {
      name: 'method',
      type: 'select',
      label: 'Method',
      default: 'GET',
      required: true,
      options: [
        { label: 'GET', value: 'GET' },
        { label: 'POST', value: 'POST' },
        { label: 'PUT', value: 'PUT' },
        { label: 'PATCH', value: 'PATCH' },
        { label: 'DELETE', value: 'DELETE' },
      ],
    },
    {
      name: 'headers',
      type: 'array',
      label: 'Headers',
      help: 'The authorization header is added for you. Add `Content-Type: application/json` when you send a JSON body.',
      spec: keyValueSpec,
    },
    { name: 'qs', type: 'array', label: 'Query string', spec: keyValueSpec },
    { name: 'body', type: 'any', label: 'Body', help: 'Raw request body, for example a JSON text.' },
  ],
  communication: ({ parameters, body, headers, statusCode }) => ({
    url: `/${parameters.url}`,
    method: parameters.method,
    headers: { '{{...}}': expr`toCollection(${parameters.headers}, 'key', 'value')` },
    qs: { '{{...}}': expr`toCollection(${parameters.qs}, 'key', 'value')` },
    body: parameters.body,
    type: 'text',
    response: { output: { body, headers, statusCode } },
  }),
  interface: [
    { name: 'body', type: 'any', label: 'Body' },
    { name: 'headers', type: 'collection', label: 'Headers' },
    { name: 'statusCode', type: 'number', label: 'Status code' },
  ],
  samples: {
    body: { movies: [], page: 1, totalPages: 1 },
    headers: { 'content-type': 'application/json' },
    statusCode: 200,
  },
});
