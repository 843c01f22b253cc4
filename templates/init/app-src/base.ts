import { defineBase } from 'make-app-toolkit/authoring';
import { API_BASE } from './api.ts';
import { api } from './connection.ts';

/** Every module calls the API with the connection's Bearer token and reads its error shape. */
export const base = defineBase({
  connection: api,
  communication: ({ connection, body, statusCode }) => ({
    baseUrl: API_BASE,
    headers: { authorization: `Bearer ${connection.accessToken}` },
    response: {
      error: {
        message: `[${statusCode}] ${body.error.message}`,
        type: 'RuntimeError',
        '401': { message: `[${statusCode}] ${body.error.message}`, type: 'InvalidAccessTokenError' },
      },
    },
    log: { sanitize: ['request.headers.authorization'] },
  }),
});
