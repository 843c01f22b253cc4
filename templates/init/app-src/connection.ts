import { defineConnection, expr, secret } from 'make-app-toolkit/authoring';
import { API_BASE, REDIRECT_URI } from './api.ts';

/**
 * OAuth 2 (authorization code) with refresh-token rotation. The API gives lifetimes in minutes.
 * Client id and secret are placeholders in committed builds (see README.md).
 */
export const api = defineConnection({
  name: 'api',
  label: 'App Academy (OAuth 2)',
  type: 'oauth',
  stores: ['accessToken', 'refreshToken', 'expires'],
  common: {
    clientId: secret({ env: 'ACADEMY_CLIENT_ID', key: 'clientId' }),
    clientSecret: secret({ env: 'ACADEMY_CLIENT_SECRET', key: 'clientSecret' }),
  },
  scopes: { connect: 'Connect your account.', read: 'Read your data.' },
  defaultScope: ['connect'],
  communication: ({ common, connection, data, body, statusCode, query, temp, oauth }) => {
    const tokens = {
      data: {
        accessToken: body.access_token,
        refreshToken: body.refresh_token,
        expires: expr`addMinutes(now, ${body.expires_in})`,
      },
      expires: expr`addMinutes(now, ${body.refresh_expires_in})`,
      error: { message: `[${statusCode}] ${body.error.message}` },
    };
    const secrets = ['request.body.client_secret', 'response.body.access_token', 'response.body.refresh_token'];
    return {
      authorize: {
        url: `${API_BASE}/authorize`,
        qs: {
          client_id: common.clientId,
          redirect_uri: REDIRECT_URI,
          response_type: 'code',
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
        response: tokens,
        log: { sanitize: ['request.body.code', ...secrets] },
      },
      info: {
        url: `${API_BASE}/info`,
        headers: { authorization: `Bearer ${connection.accessToken}` },
        response: { uid: body.id, metadata: { type: 'email', value: body.email } },
        log: { sanitize: ['request.headers.authorization'] },
      },
      refresh: {
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
        response: tokens,
        log: { sanitize: ['request.body.refresh_token', ...secrets] },
      },
      invalidate: {
        url: `${API_BASE}/invalidate`,
        headers: { authorization: `Bearer ${connection.accessToken}` },
        log: { sanitize: ['request.headers.authorization'] },
      },
    };
  },
});
