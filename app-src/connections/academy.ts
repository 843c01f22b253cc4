import { defineConnection, expr, secret } from 'make-app-toolkit/authoring';
import { API_BASE, REDIRECT_URI } from '../shared/api.ts';

/**
 * App Academy OAuth 2 (authorization code). Token lifetimes come back in MINUTES, hence
 * `addMinutes`. The client id and secret are never written here: they are resolved from
 * ACADEMY_CLIENT_ID / ACADEMY_CLIENT_SECRET or the git-ignored .secrets/academy.json, and
 * committed builds carry placeholders.
 */
export const academy = defineConnection({
  name: 'academy',
  label: 'App Academy (OAuth 2)',
  type: 'oauth',
  stores: ['accessToken', 'refreshToken', 'expires', 'refreshExpires'],
  common: {
    clientId: secret({ env: 'ACADEMY_CLIENT_ID', key: 'clientId' }),
    clientSecret: secret({ env: 'ACADEMY_CLIENT_SECRET', key: 'clientSecret' }),
  },
  scopes: {
    connect: 'Connect your App Academy account to Make.',
    read: 'Read movies, people, organizations, genres, awards, files and custom fields.',
    write: 'Create and update movies, attach webhooks and upload files.',
    delete: 'Delete movies and detach webhooks.',
  },
  defaultScope: ['connect'],
  communication: ({ common, connection, data, body, statusCode, query, temp, oauth }) => {
    // token and refresh answer the same four fields (lifetimes in minutes) and store them alike.
    const storeTokens = {
      data: {
        accessToken: body.access_token,
        refreshToken: body.refresh_token,
        expires: expr`addMinutes(now, ${body.expires_in})`,
        refreshExpires: expr`addMinutes(now, ${body.refresh_expires_in})`,
      },
      // The connection lives as long as its refresh token.
      expires: expr`addMinutes(now, ${body.refresh_expires_in})`,
      error: { message: `[${statusCode}] ${body.error.message}` },
    };
    return {
      authorize: {
        url: `${API_BASE}/authorize`,
        qs: {
          client_id: common.clientId,
          redirect_uri: REDIRECT_URI,
          response_type: 'code',
          // Make's oauth.scope = default scope (connect) + the scopes of the modules in use.
          scope: expr`join(${oauth.scope}, ' ')`,
          state: oauth.state,
        },
        response: {
          temp: { code: query.code },
          valid: expr`!${query.error}`,
          error: { message: query['error.message'], type: 'InvalidConfigurationError' },
        },
      },
      token: {
        url: `${API_BASE}/token`,
        method: 'POST',
        type: 'urlencoded',
        body: {
          grant_type: 'authorization_code',
          code: temp.code,
          client_id: common.clientId,
          client_secret: common.clientSecret,
          redirect_uri: REDIRECT_URI,
        },
        response: storeTokens,
        log: {
          sanitize: [
            'request.body.code',
            'request.body.client_secret',
            'response.body.access_token',
            'response.body.refresh_token',
          ],
        },
      },
      info: {
        url: `${API_BASE}/info`,
        headers: { authorization: `Bearer ${connection.accessToken}` },
        response: {
          uid: body.id,
          metadata: { type: 'email', value: body.email },
          error: { message: `[${statusCode}] ${body.error.message}` },
        },
        log: { sanitize: ['request.headers.authorization'] },
      },
      refresh: {
        // Renew a minute before the access token runs out (stored as a date by token/refresh).
        condition: expr`${data.expires} < addMinutes(now, 1)`,
        url: `${API_BASE}/refresh`,
        method: 'POST',
        type: 'urlencoded',
        body: {
          grant_type: 'refresh_token',
          refresh_token: data.refreshToken,
          client_id: common.clientId,
          client_secret: common.clientSecret,
        },
        // The API rotates the refresh token: storeTokens keeps the new one.
        response: storeTokens,
        log: {
          sanitize: [
            'request.body.refresh_token',
            'request.body.client_secret',
            'response.body.access_token',
            'response.body.refresh_token',
          ],
        },
      },
      invalidate: {
        url: `${API_BASE}/invalidate`,
        headers: { authorization: `Bearer ${connection.accessToken}` },
        log: { sanitize: ['request.headers.authorization'] },
      },
    };
  },
});
