import { describe, expect, it } from 'vitest';
import { startAcademyApi } from '../../generator/academy-api/index.ts';
import { createFakeClock } from '../../generator/model/clock.ts';
import { connect, json, newMovie, startTestApi, v2 } from './helpers.ts';

/** One full run: connect, create a movie; returns every generated value. */
async function run(seed: number) {
  const api = await startTestApi({ seed });
  try {
    const t = await connect(api, { user: 'jane' });
    const movie = await json(await v2(api, t.access_token, 'POST', '/movies', newMovie('Seeded')));
    return { client: api.defaultClient, access: t.access_token, refresh: t.refresh_token, movieId: movie.id };
  } finally {
    await api.close();
  }
}

describe('deterministic mode', () => {
  it('produces the same credentials, tokens and ids for the same seed', async () => {
    expect(await run(7)).toEqual(await run(7));
  });

  it('produces different values for another seed', async () => {
    const [a, b] = [await run(7), await run(8)];
    expect(a.access).not.toBe(b.access);
    expect(a.client.clientSecret).not.toBe(b.client.clientSecret);
    expect(a.movieId).not.toBe(b.movieId);
  });

  it('defaults to a fake clock, so timestamps are reproducible', async () => {
    const api = await startAcademyApi({ deterministic: true });
    try {
      const before = api.clock.now();
      await new Promise((r) => setTimeout(r, 20));
      expect(api.clock.now()).toBe(before);
    } finally {
      await api.close();
    }
  });

  it('reset() forgets tokens, data and logs but keeps clients, and replays the same ids', async () => {
    const api = await startTestApi();
    try {
      const client = api.defaultClient;
      const first = await connect(api);
      const m1 = await json(await v2(api, first.access_token, 'POST', '/movies', newMovie('One')));
      api.reset();
      expect(api.requestLog).toEqual([]);
      expect(api.defaultClient).toEqual(client);
      expect((await v2(api, first.access_token, 'GET', '/info')).status).toBe(401);
      const second = await connect(api);
      expect(second.access_token).toBe(first.access_token);
      const m2 = await json(await v2(api, second.access_token, 'POST', '/movies', newMovie('One')));
      expect(m2.id).toBe(m1.id);
    } finally {
      await api.close();
    }
  });

  it('generates random credentials outside deterministic mode', async () => {
    const [a, b] = [
      await startAcademyApi({ clock: createFakeClock() }),
      await startAcademyApi({ clock: createFakeClock() }),
    ];
    try {
      expect(a.defaultClient.clientSecret).not.toBe(b.defaultClient.clientSecret);
      expect(a.url).not.toBe(b.url);
      expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('registers the clients it is given instead of the default, with generated fields filled in', async () => {
    const api = await startTestApi({
      clients: [{ clientId: 'student-app', redirectUri: 'https://www.integromat.com/oauth/cb/app' }],
    });
    try {
      expect(api.clients).toHaveLength(1);
      expect(api.defaultClient).toMatchObject({
        clientId: 'student-app',
        redirectUri: 'https://www.integromat.com/oauth/cb/app',
        apiKeyUser: 'john',
      });
      expect(api.defaultClient.clientSecret).toMatch(/^cs_/);
      expect(() => api.registerClient({ clientId: 'student-app' })).toThrow(/taken/);
      expect(() => api.registerClient({ redirectUri: 'not a url' })).toThrow(/absolute URL/);
    } finally {
      await api.close();
    }
  });

  it('fails to start on a port already in use, with a clear error', async () => {
    const a = await startTestApi();
    try {
      await expect(startTestApi({ port: a.port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await a.close();
    }
  });
});
