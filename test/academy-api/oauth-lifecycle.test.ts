import { afterEach, describe, expect, it } from 'vitest';
import type { AcademyApi } from '../../generator/academy-api/index.ts';
import { connect, json, MINUTE, refresh, startTestApi, v2 } from './helpers.ts';

let api: AcademyApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('access token expiry (minutes, on the injected clock)', () => {
  it('works until 60 minutes have passed and then answers 401', async () => {
    api = await startTestApi();
    const t = await connect(api);
    api.clock.advance(60 * MINUTE - 1);
    expect((await v2(api, t.access_token, 'GET', '/movies')).status).toBe(200);
    api.clock.advance(1);
    const res = await v2(api, t.access_token, 'GET', '/movies');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/invalid_token/);
    expect(await json(res)).toEqual({ error: { message: 'Access token expired', code: 401 } });
  });

  it('honours configured lifetimes and reports them in the token response', async () => {
    api = await startTestApi({ lifetimes: { accessMinutes: 5, refreshMinutes: 30 } });
    const t = await connect(api);
    expect([t.expires_in, t.refresh_expires_in]).toEqual([5, 30]);
    api.clock.advance(5 * MINUTE);
    expect((await v2(api, t.access_token, 'GET', '/info')).status).toBe(401);
    expect((await refresh(api, t.refresh_token)).status).toBe(200);
  });

  it('rejects a non-positive lifetime at start-up', async () => {
    await expect(startTestApi({ lifetimes: { accessMinutes: 0 } })).rejects.toThrow(/accessMinutes/);
  });
});

describe('POST /refresh', () => {
  it('rotates: new tokens work, the old access and refresh tokens stop at once', async () => {
    api = await startTestApi();
    const t = await connect(api, { user: 'jane' });
    api.clock.advance(61 * MINUTE);
    const res = await refresh(api, t.refresh_token);
    expect(res.status).toBe(200);
    const n = await json(res);
    expect(n).toMatchObject({ expires_in: 60, refresh_expires_in: 1440, scope: 'connect read write delete' });
    expect(n.access_token).not.toBe(t.access_token);
    expect(n.refresh_token).not.toBe(t.refresh_token);
    expect((await v2(api, n.access_token, 'GET', '/info')).status).toBe(200);
    expect((await v2(api, t.access_token, 'GET', '/info')).status).toBe(401);
    const reused = await refresh(api, t.refresh_token);
    expect(reused.status).toBe(401);
    expect((await json(reused)).error).toMatchObject({
      type: 'invalid_grant',
      message: expect.stringMatching(/revoked/),
    });
  });

  it('revokes the unexpired old access token on rotation too', async () => {
    api = await startTestApi();
    const t = await connect(api);
    await refresh(api, t.refresh_token);
    expect((await v2(api, t.access_token, 'GET', '/movies')).status).toBe(401);
  });

  it('fails once the refresh token has expired (1440 minutes)', async () => {
    api = await startTestApi();
    const t = await connect(api);
    api.clock.advance(1440 * MINUTE);
    const res = await refresh(api, t.refresh_token);
    expect(res.status).toBe(401);
    expect((await json(res)).error).toMatchObject({
      type: 'invalid_grant',
      message: 'Refresh token expired',
    });
  });

  it('accepts grant_type=refresh_token, form encoding and Basic credentials', async () => {
    api = await startTestApi();
    const t = await connect(api);
    const c = api.defaultClient;
    const res = await fetch(`${api.apiBase(2)}/refresh`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ refresh_token: t.refresh_token, grant_type: 'refresh_token' }),
    });
    expect(res.status).toBe(200);
  });

  it.each([
    ['without client credentials', (rt: string) => ({ refresh_token: rt }), 401, 'invalid_client'],
    [
      'with another grant_type',
      (rt: string, c: any) => ({
        refresh_token: rt,
        client_id: c.clientId,
        client_secret: c.clientSecret,
        grant_type: 'password',
      }),
      501,
      'unsupported_grant_type',
    ],
    [
      'without a refresh_token',
      (_rt: string, c: any) => ({ client_id: c.clientId, client_secret: c.clientSecret }),
      400,
      'invalid_request',
    ],
    [
      'with an unknown refresh_token',
      (_rt: string, c: any) => ({
        refresh_token: 'rt_nope',
        client_id: c.clientId,
        client_secret: c.clientSecret,
      }),
      401,
      'invalid_grant',
    ],
  ])('refuses a refresh %s', async (_l, body, status, type) => {
    api = await startTestApi();
    const t = await connect(api);
    const res = await fetch(`${api.apiBase(2)}/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body(t.refresh_token, api.defaultClient)),
    });
    expect(res.status).toBe(status);
    expect((await json(res)).error.type).toBe(type);
  });

  it("refuses another client's refresh token", async () => {
    api = await startTestApi();
    const other = api.registerClient({ clientId: 'thief' });
    const t = await connect(api);
    expect((await refresh(api, t.refresh_token, other)).status).toBe(401);
    expect((await refresh(api, t.refresh_token)).status).toBe(200);
  });
});

describe('GET /info and GET /invalidate', () => {
  it('answers info for the connected account with only the connect scope', async () => {
    api = await startTestApi();
    const t = await connect(api, { user: 'jane', scope: 'connect' });
    const res = await v2(api, t.access_token, 'GET', '/info');
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({
      id: api.users.jane.id,
      name: 'Jane Black',
      email: 'jane.black@example.com',
      scope: ['connect'],
    });
  });

  it('invalidates: the access token and its refresh token stop working', async () => {
    api = await startTestApi();
    const t = await connect(api);
    const res = await v2(api, t.access_token, 'GET', '/invalidate');
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ message: 'Access invalidated.' });
    expect((await v2(api, t.access_token, 'GET', '/info')).status).toBe(401);
    expect((await v2(api, t.access_token, 'GET', '/movies')).status).toBe(401);
    expect((await refresh(api, t.refresh_token)).status).toBe(401);
    expect((await v2(api, t.access_token, 'GET', '/invalidate')).status).toBe(401);
  });

  it('answers 401 without a Bearer token, and for an unknown one', async () => {
    api = await startTestApi();
    const none = await fetch(`${api.apiBase(2)}/info`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await v2(api, 'at_unknown', 'GET', '/info')).status).toBe(401);
    const apiKey = await fetch(`${api.apiBase(2)}/movies`, {
      headers: { 'x-api-key': api.defaultClient.apiKey },
    });
    expect(apiKey.status).toBe(401);
  });
});

describe('scope enforcement', () => {
  // Each row: granted scopes, request, expected status (403 names the missing scope).
  it.each([
    ['connect', 'GET', '/movies', 403, 'read'],
    ['connect read', 'GET', '/movies', 200, null],
    ['connect read', 'GET', '/about', 200, null],
    ['connect read', 'POST', '/movies', 403, 'write'],
    ['connect write', 'POST', '/movies', 200, null],
    ['connect read write', 'PATCH', '/movies/0c841ade9610', 403, null], // has write; default movie is protected
    ['connect read', 'PUT', '/movies/0c841ade9610', 403, 'write'],
    ['connect read write', 'DELETE', '/webhooks/abc', 403, 'delete'],
    ['connect delete', 'DELETE', '/webhooks/abc', 404, null],
    ['connect', 'GET', '/info', 200, null],
  ])('with scope "%s", %s %s answers %i', async (scope, method, path, status, missing) => {
    api = await startTestApi();
    const t = await connect(api, { scope });
    const body = method === 'POST' || method === 'PUT' || method === 'PATCH' ? { name: 'Scoped' } : undefined;
    const res = await v2(api, t.access_token, method, path, body);
    expect(res.status).toBe(status);
    if (missing)
      expect(await json(res)).toEqual({ error: { message: `Missing scope: ${missing}`, code: 403 } });
  });
});
