import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { AcademyApi } from '../../generator/academy-api/index.ts';
import { connect, exchange, getCode, json, MINUTE, refresh, startTestApi, v2 } from './helpers.ts';

let api: AcademyApi;
beforeEach(async () => {
  await api?.close();
  api = await startTestApi();
});
afterAll(() => api?.close());

const token = (body: BodyInit, headers: Record<string, string>) =>
  fetch(`${api.apiBase(2)}/token`, { method: 'POST', headers, body });

describe('POST /token', () => {
  it('answers the four documented fields with lifetimes in minutes, plus token_type and scope', async () => {
    const res = await exchange(api, await getCode(api, { scope: 'connect read' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await json(res);
    expect(body).toEqual({
      access_token: expect.stringMatching(/^at_/),
      token_type: 'Bearer',
      expires_in: 60,
      refresh_token: expect.stringMatching(/^rt_/),
      refresh_expires_in: 1440,
      scope: 'connect read',
    });
  });

  it('accepts application/x-www-form-urlencoded', async () => {
    const c = api.defaultClient;
    const code = await getCode(api);
    const res = await token(
      new URLSearchParams({
        code,
        client_id: c.clientId,
        client_secret: c.clientSecret,
        grant_type: 'authorization_code',
        redirect_uri: c.redirectUri,
      }),
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    expect(res.status).toBe(200);
  });

  it('accepts client credentials as HTTP Basic instead of in the body', async () => {
    const c = api.defaultClient;
    const code = await getCode(api);
    const basic = Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64');
    const res = await token(
      JSON.stringify({ code, grant_type: 'authorization_code', redirect_uri: c.redirectUri }),
      {
        'content-type': 'application/json',
        authorization: `Basic ${basic}`,
      },
    );
    expect(res.status).toBe(200);
  });

  it.each([
    ['a wrong client_secret', { client_secret: 'wrong' }],
    ['an unknown client_id', { client_id: 'nobody' }],
    ['a missing client_secret', { client_secret: '' }],
  ])('refuses %s with 401 invalid_client', async (_l, extra) => {
    const res = await exchange(api, await getCode(api), api.defaultClient, extra);
    expect(res.status).toBe(401);
    expect((await json(res)).error).toMatchObject({ code: 401, type: 'invalid_client' });
  });

  it('refuses another grant type with 501 unsupported_grant_type', async () => {
    const res = await exchange(api, await getCode(api), api.defaultClient, { grant_type: 'password' });
    expect(res.status).toBe(501);
    expect(await json(res)).toEqual({
      error: { message: expect.stringMatching(/not supported/), code: 501, type: 'unsupported_grant_type' },
    });
  });

  it('refuses a redirect_uri different from the authorize one with 400 invalid_grant', async () => {
    const res = await exchange(api, await getCode(api), api.defaultClient, {
      redirect_uri: 'https://www.make.com/oauth/cb/other',
    });
    expect(res.status).toBe(400);
    expect((await json(res)).error.type).toBe('invalid_grant');
  });

  it('refuses an unknown code with 400 invalid_grant', async () => {
    const res = await exchange(api, 'ac_made_up');
    expect(res.status).toBe(400);
    expect((await json(res)).error.type).toBe('invalid_grant');
  });

  it('refuses a code issued to another client', async () => {
    const other = api.registerClient({ clientId: 'other-app' });
    const code = await getCode(api);
    const res = await exchange(api, code, other);
    expect(res.status).toBe(400);
    expect((await json(res)).error.type).toBe('invalid_grant');
  });

  it('lets a code expire after 10 minutes', async () => {
    const code = await getCode(api);
    api.clock.advance(10 * MINUTE);
    const res = await exchange(api, code);
    expect(res.status).toBe(400);
    expect((await json(res)).error.message).toMatch(/expired/);
  });

  it('accepts a code just before it expires', async () => {
    const code = await getCode(api);
    api.clock.advance(10 * MINUTE - 1);
    expect((await exchange(api, code)).status).toBe(200);
  });

  it('refuses a reused code and revokes every token issued from it, refreshed ones included', async () => {
    const code = await getCode(api, { user: 'jane' });
    const first = await json(await exchange(api, code));
    const rotated = await json(await refresh(api, first.refresh_token));
    expect((await v2(api, rotated.access_token, 'GET', '/info')).status).toBe(200);

    const again = await exchange(api, code);
    expect(again.status).toBe(400);
    expect((await json(again)).error).toMatchObject({
      type: 'invalid_grant',
      message: expect.stringMatching(/already used/),
    });

    expect((await v2(api, rotated.access_token, 'GET', '/info')).status).toBe(401);
    expect((await refresh(api, rotated.refresh_token)).status).toBe(401);
    expect(api.liveTokens()).toHaveLength(0);
  });

  it('refuses a body that is neither JSON nor form-urlencoded with 415', async () => {
    const res = await token('code=x', { 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
    expect((await json(res)).error.code).toBe(415);
  });

  it('refuses malformed JSON with 400', async () => {
    const res = await token('{"code": ', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect((await json(res)).error).toMatchObject({
      message: expect.stringMatching(/Malformed JSON/),
      type: 'invalid_request',
    });
  });
});

describe('connection bookkeeping', () => {
  it('keeps one connection per (client, user): a new connection revokes the earlier tokens of that user only', async () => {
    const johnOld = await connect(api, { user: 'john' });
    const jane = await connect(api, { user: 'jane' });
    const johnNew = await connect(api, { user: 'john' });
    expect((await v2(api, johnOld.access_token, 'GET', '/info')).status).toBe(401);
    expect((await refresh(api, johnOld.refresh_token)).status).toBe(401);
    expect((await v2(api, johnNew.access_token, 'GET', '/info')).status).toBe(200);
    expect((await v2(api, jane.access_token, 'GET', '/info')).status).toBe(200);
    expect(
      api
        .liveTokens()
        .map((p) => p.user)
        .sort(),
    ).toEqual(['jane', 'john']);
  });

  it('keeps connections of different clients apart', async () => {
    const other = api.registerClient({ clientId: 'second-app' });
    const a = await connect(api, { user: 'john' });
    const b = await connect(api, { user: 'john', client: other });
    expect((await v2(api, a.access_token, 'GET', '/info')).status).toBe(200);
    expect((await v2(api, b.access_token, 'GET', '/info')).status).toBe(200);
  });
});
