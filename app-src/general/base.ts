import { defineBase } from 'make-app-toolkit/authoring';
import { academy } from '../connections/academy.ts';
import { API_BASE } from '../shared/api.ts';

/** Every module and RPC calls the v2 API with the connection's Bearer token. */
export const base = defineBase({
  connection: academy,
  communication: ({ connection, body, statusCode }) => ({
    baseUrl: API_BASE,
    headers: { authorization: `Bearer ${connection.accessToken}` },
    response: {
      // The API answers errors as { "error": { "message": "...", "code": <status> } }.
      error: {
        message: `[${statusCode}] ${body.error.message}`,
        type: 'RuntimeError',
        '400': { message: `[${statusCode}] ${body.error.message}`, type: 'DataError' },
        '401': { message: `[${statusCode}] ${body.error.message}`, type: 'InvalidAccessTokenError' },
        '404': { message: `[${statusCode}] ${body.error.message}`, type: 'DataError' },
        '429': { message: `[${statusCode}] ${body.error.message}`, type: 'RateLimitError' },
      },
    },
    log: { sanitize: ['request.headers.authorization'] },
  }),
});
