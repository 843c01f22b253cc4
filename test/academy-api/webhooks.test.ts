import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AcademyApi } from '../../generator/academy-api/index.ts';
import { connect, json, newMovie, startReceiver, startTestApi, v2 } from './helpers.ts';

let api: AcademyApi;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let token: string;
beforeEach(async () => {
  receiver = await startReceiver();
  api = await startTestApi();
  token = (await connect(api, { user: 'jane' })).access_token;
});
afterEach(async () => {
  await api.close();
  await receiver.close();
});

const attach = (body: unknown, t = token) => v2(api, t, 'POST', '/webhooks', body);

describe('attach and detach', () => {
  it('attaches one webhook (events default to create, update) and shows it in /about', async () => {
    const res = await attach({ url: `${receiver.url}/hook` });
    expect(res.status).toBe(200);
    const hook = await json(res);
    expect(hook).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{12}$/),
      url: `${receiver.url}/hook`,
      events: ['create', 'update'],
    });
    const about = (await json(await v2(api, token, 'GET', '/about')))[0];
    expect(about).toMatchObject({
      webhook: `${receiver.url}/hook`,
      webhookId: hook.id,
      'webhook-watched-items': 'create, update',
    });
  });

  it('refuses a second webhook for the same user with 400, but lets another user attach one', async () => {
    const first = await json(await attach({ url: `${receiver.url}/a` }));
    const second = await attach({ url: `${receiver.url}/b` });
    expect(second.status).toBe(400);
    expect((await json(second)).error.message).toContain(first.id);
    const john = (await connect(api, { user: 'john' })).access_token;
    expect((await attach({ url: `${receiver.url}/c` }, john)).status).toBe(200);
  });

  it('detaches with 204, then 404 for the same id, and a new one can be attached', async () => {
    const hook = await json(await attach({ url: `${receiver.url}/a` }));
    expect((await v2(api, token, 'DELETE', `/webhooks/${hook.id}`)).status).toBe(204);
    expect((await v2(api, token, 'DELETE', `/webhooks/${hook.id}`)).status).toBe(404);
    expect((await attach({ url: `${receiver.url}/b` })).status).toBe(200);
  });

  it.each([
    [{}, /url is required/],
    [{ url: 'not a url' }, /not an absolute URL/],
    [{ url: 'http://hook.example.com/x' }, /must use https/],
    [{ url: 'ftp://127.0.0.1/x' }, /must use https/],
    [{ url: 'https://hook.eu1.make.com/x', events: [] }, /events must be a non-empty array/],
    [{ url: 'https://hook.eu1.make.com/x', events: ['create', 'rename'] }, /events must be/],
  ])('refuses %j with 400', async (body, message) => {
    const res = await attach(body);
    expect(res.status).toBe(400);
    expect((await json(res)).error.message).toMatch(message);
  });
});

describe('delivery', () => {
  it('POSTs create, update and delete of the owner’s movie to the receiver, once each, and records them', async () => {
    await attach({ url: `${receiver.url}/hook?x=1`, events: ['create', 'update', 'delete'] });
    const movie = await json(await v2(api, token, 'POST', '/movies', newMovie('Hooked')));
    await v2(api, token, 'PATCH', `/movies/${movie.id}`, { length: 1 });
    await v2(api, token, 'DELETE', `/movies/${movie.id}`);
    expect(receiver.received.map((r) => [r.method, r.path, JSON.parse(r.body).event])).toEqual([
      ['POST', '/hook?x=1', 'create'],
      ['POST', '/hook?x=1', 'update'],
      ['POST', '/hook?x=1', 'delete'],
    ]);
    const created = JSON.parse(receiver.received[0]!.body);
    expect(created).toEqual({ event: 'create', movie, timestamp: '2026-01-01T09:00:00+00:00' });
    expect(receiver.received[0]!.headers['content-type']).toBe('application/json');
    expect(api.webhookDeliveries.map((d) => [d.event, d.user, d.outcome])).toEqual([
      ['create', 'jane', { kind: 'delivered', status: 200 }],
      ['update', 'jane', { kind: 'delivered', status: 200 }],
      ['delete', 'jane', { kind: 'delivered', status: 200 }],
    ]);
  });

  it('sends only the subscribed events (default create and update: no delete)', async () => {
    await attach({ url: receiver.url });
    const movie = await json(await v2(api, token, 'POST', '/movies', newMovie('Quiet')));
    await v2(api, token, 'DELETE', `/movies/${movie.id}`);
    expect(receiver.received.map((r) => JSON.parse(r.body).event)).toEqual(['create']);
  });

  it("does not deliver another user's events, nor failed changes", async () => {
    await attach({ url: receiver.url });
    const john = (await connect(api, { user: 'john' })).access_token;
    await v2(api, john, 'POST', '/movies', newMovie('Johns'));
    await v2(api, token, 'POST', '/movies', { name: '' });
    expect(receiver.received).toHaveLength(0);
    expect(api.webhookDeliveries).toHaveLength(0);
  });

  it('records a failed delivery without retrying and still answers the API call', async () => {
    await attach({ url: receiver.url });
    await receiver.close();
    const res = await v2(api, token, 'POST', '/movies', newMovie('Nobody listens'));
    expect(res.status).toBe(200);
    expect(api.webhookDeliveries).toHaveLength(1);
    expect(api.webhookDeliveries[0]!.outcome).toMatchObject({
      kind: 'failed',
      error: expect.stringMatching(/ECONNREFUSED/),
    });
  });

  it('records a non-2xx answer of the receiver as delivered with that status', async () => {
    const failing = await startReceiver(500);
    try {
      await attach({ url: failing.url });
      await v2(api, token, 'POST', '/movies', newMovie('Five hundred'));
      expect(failing.received).toHaveLength(1);
      expect(api.webhookDeliveries[0]!.outcome).toEqual({ kind: 'delivered', status: 500 });
    } finally {
      await failing.close();
    }
  });

  it('skips non-loopback URLs by default (nothing leaves the machine) and records why', async () => {
    await attach({ url: 'https://hook.eu1.make.com/abc123' });
    await v2(api, token, 'POST', '/movies', newMovie('External'));
    expect(api.webhookDeliveries[0]).toMatchObject({
      sentTo: null,
      outcome: { kind: 'skipped', reason: expect.stringMatching(/external delivery disabled/) },
    });
  });

  it('maps a Make hook URL to a loopback receiver with resolveUrl', async () => {
    await api.close();
    api = await startTestApi({
      webhooks: {
        resolveUrl: (u) => (u.startsWith('https://hook.eu1.make.com/') ? `${receiver.url}/mapped` : null),
      },
    });
    token = (await connect(api, { user: 'jane' })).access_token;
    await attach({ url: 'https://hook.eu1.make.com/abc123' });
    await v2(api, token, 'POST', '/movies', newMovie('Mapped'));
    expect(receiver.received.map((r) => r.path)).toEqual(['/mapped']);
    expect(api.webhookDeliveries[0]).toMatchObject({
      url: 'https://hook.eu1.make.com/abc123',
      sentTo: `${receiver.url}/mapped`,
    });
  });

  it('in background mode answers first and delivers after; flushWebhooks waits for it', async () => {
    await api.close();
    api = await startTestApi({ webhooks: { mode: 'background' } });
    token = (await connect(api, { user: 'jane' })).access_token;
    await attach({ url: receiver.url });
    await v2(api, token, 'POST', '/movies', newMovie('Later'));
    await api.flushWebhooks();
    expect(receiver.received).toHaveLength(1);
    expect(api.webhookDeliveries[0]!.outcome).toEqual({ kind: 'delivered', status: 200 });
  });
});
