import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AcademyApi } from '../../generator/academy-api/index.ts';
import { connect, IRON_MAN, json, MINUTE, newMovie, startTestApi, v1, v2 } from './helpers.ts';

let api: AcademyApi;
let token: string;
beforeEach(async () => {
  api = await startTestApi();
  token = (await connect(api, { user: 'john' })).access_token;
});
afterEach(() => api.close());

const create = async (name: string, extra: Record<string, unknown> = {}) => {
  const res = await v2(api, token, 'POST', '/movies', newMovie(name, extra));
  expect(res.status).toBe(200);
  return json(res);
};

describe('movies CRUD', () => {
  it('creates a movie and answers it in the documented output shape', async () => {
    const m = await create('My Film');
    expect(m).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{12}$/),
      name: 'My Film',
      genres: [{ id: '1', name: 'action' }],
      releaseDate: '2024',
      length: 100,
      topCast: [{ role: 'Lead', castId: '5bfb3056c5e4', castName: 'Robert Downey Jr.' }],
      director: { directorId: 'f841a38b77be', directorName: 'Jon Favreau' },
      boxOffice: { budget: 10, grossProfit: 20 },
      createdAt: '2026-01-01T09:00:00+00:00',
      premieres: {
        czechPremiere: '2024-01-02T00:00:00+00:00',
        originalPremiere: '2024-01-01T00:00:00+00:00',
      },
      updatedAt: '2026-01-01T09:00:00+00:00',
    });
    expect(await json(await v2(api, token, 'GET', `/movies/${m.id}`))).toEqual(m);
  });

  it('replaces with PUT (omitted fields cleared) and patches with PATCH (others kept)', async () => {
    const m = await create('Draft');
    api.clock.advance(5 * MINUTE);
    const put = await json(await v2(api, token, 'PUT', `/movies/${m.id}`, { name: 'Final' }));
    expect(put).toMatchObject({
      name: 'Final',
      genres: [],
      director: null,
      length: null,
      createdAt: m.createdAt,
      updatedAt: '2026-01-01T09:05:00+00:00',
    });
    const patch = await json(await v2(api, token, 'PATCH', `/movies/${m.id}`, { length: 90 }));
    expect(patch).toMatchObject({ name: 'Final', length: 90 });
  });

  it('deletes with 204, after which the movie is 404 "Record not found"', async () => {
    const m = await create('Gone');
    const del = await v2(api, token, 'DELETE', `/movies/${m.id}`);
    expect(del.status).toBe(204);
    expect(await del.text()).toBe('');
    const get = await v2(api, token, 'GET', `/movies/${m.id}`);
    expect(get.status).toBe(404);
    expect(await json(get)).toEqual({ error: { message: 'Record not found', code: 404 } });
  });

  it.each(['PUT', 'PATCH', 'DELETE'])('refuses %s on a default movie with 403', async (method) => {
    const res = await v2(
      api,
      token,
      method,
      `/movies/${IRON_MAN}`,
      method === 'DELETE' ? undefined : { name: 'Hacked' },
    );
    expect(res.status).toBe(403);
    expect((await json(res)).error.message).toMatch(/Default records/);
    expect((await json(await v2(api, token, 'GET', `/movies/${IRON_MAN}`))).name).toBe('Iron Man');
  });

  it.each(['GET', 'PUT', 'PATCH', 'DELETE'])('answers %s on an unknown id with 404', async (method) => {
    const res = await v2(
      api,
      token,
      method,
      '/movies/ffffffffffff',
      method === 'GET' || method === 'DELETE' ? undefined : { name: 'x' },
    );
    expect(res.status).toBe(404);
  });

  it("keeps users apart: Jane cannot see or change John's movie", async () => {
    const m = await create('Johns');
    const jane = (await connect(api, { user: 'jane' })).access_token;
    expect((await v2(api, jane, 'GET', `/movies/${m.id}`)).status).toBe(404);
    expect((await v2(api, jane, 'DELETE', `/movies/${m.id}`)).status).toBe(404);
    const list = await json(await v2(api, jane, 'GET', '/movies?page=2'));
    expect(list.movies).toHaveLength(1); // 6 defaults only
  });

  it('serves the same data to v1 (x-api-key acts as john) and v2', async () => {
    const m = await create('Shared');
    const viaV1 = await v1(api, 'GET', `/movies/${m.id}`);
    expect(viaV1.status).toBe(200);
    const made = await json(await v1(api, 'POST', '/movies', { name: 'From v1' }));
    expect((await v2(api, token, 'GET', `/movies/${made.id}`)).status).toBe(200);
    expect(api.requestLog.at(-1)).toMatchObject({
      client: api.defaultClient.clientId,
      user: 'john',
      status: 200,
    });
  });

  it('answers 401 for v1 without or with a wrong API key', async () => {
    expect((await fetch(`${api.apiBase(1)}/movies`)).status).toBe(401);
    expect((await v1(api, 'GET', '/movies', undefined, 'ak_wrong')).status).toBe(401);
  });
});

describe('movie validation', () => {
  it.each([
    [{}, /name is required/],
    [{ name: '' }, /name is required/],
    [{ name: 42 }, /name is required/],
    [{ name: 'x', genres: [{ id: '99' }] }, /genres\[0\]\.id "99" is not a known genre/],
    [{ name: 'x', genres: 'action' }, /genres must be an array/],
    [{ name: 'x', directorId: 'ffffffffffff' }, /directorId "ffffffffffff" is not a known person/],
    [{ name: 'x', topCast: [{ role: 'r', castId: 'nobody' }] }, /topCast\[0\]\.castId "nobody"/],
    [{ name: 'x', length: 'long' }, /length must be a non-negative number/],
    [{ name: 'x', releaseDate: 2008 }, /releaseDate must be a string/],
    [{ name: 'x', boxOffice: { budget: '1' } }, /boxOffice\.budget must be a number/],
    [
      { name: 'x', premieres: { czechPremiere: 'yesterday' } },
      /premieres\.czechPremiere must be an ISO date-time/,
    ],
  ])('refuses %j with 400 naming the problem', async (body, message) => {
    const res = await v2(api, token, 'POST', '/movies', body);
    expect(res.status).toBe(400);
    const err = (await json(res)).error;
    expect(err.code).toBe(400);
    expect(err.message).toMatch(message);
  });

  it('lists every problem at once', async () => {
    const res = await v2(api, token, 'POST', '/movies', { name: '', length: -1, genres: [{ id: '0' }] });
    const msg = (await json(res)).error.message as string;
    expect(msg.split('; ')).toHaveLength(3);
  });

  it('accepts and ignores custom-field values (never stored)', async () => {
    const m = await create('With custom', { rating: 5, notes: 'hi' });
    expect(m).not.toHaveProperty('rating');
    expect(await json(await v2(api, token, 'GET', `/movies/${m.id}`))).not.toHaveProperty('notes');
  });
});

describe('movie limits and page pagination', () => {
  it('allows 14 created movies per user, refuses the 15th, and frees a slot on delete', async () => {
    const made = [];
    for (let i = 1; i <= 14; i++) made.push(await create(`Movie ${i}`));
    const fifteenth = await v2(api, token, 'POST', '/movies', newMovie('Too many'));
    expect(fifteenth.status).toBe(400);
    expect((await json(fifteenth)).error.message).toMatch(/at most 14/);
    expect((await v2(api, token, 'DELETE', `/movies/${made[0].id}`)).status).toBe(204);
    expect((await v2(api, token, 'POST', '/movies', newMovie('Fits again'))).status).toBe(200);
  });

  it('pages 20 movies 5 at a time: 4 pages, totalPages 4, then an empty page', async () => {
    for (let i = 1; i <= 14; i++) {
      await create(`Movie ${i}`);
      api.clock.advance(MINUTE);
    }
    const seen: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const body = await json(await v2(api, token, 'GET', `/movies?page=${page}`));
      expect(body).toMatchObject({ page, totalPages: 4 });
      expect(body.movies).toHaveLength(5);
      seen.push(...body.movies.map((m: any) => m.id));
    }
    expect(new Set(seen).size).toBe(20);
    const fifth = await json(await v2(api, token, 'GET', '/movies?page=5'));
    expect(fifth).toEqual({ movies: [], page: 5, totalPages: 4 });
  });

  it('sorts by createdAt ascending by default, and by name descending on request', async () => {
    const first = await json(await v2(api, token, 'GET', '/movies'));
    expect(first.movies[0].name).toBe('Iron Man');
    const byName = await json(await v2(api, token, 'GET', '/movies?sortBy=name&order=desc'));
    expect(byName.movies.map((m: any) => m.name)).toEqual([
      'The Matrix',
      'The Dark Knight',
      'Iron Man',
      'Forrest Gump',
      'Avatar',
    ]);
  });

  it('filters with since on the sort field (createdAt by default, originalPremiere when sorted by it)', async () => {
    api.clock.advance(MINUTE);
    const mine = await create('Recent');
    const since = await json(
      await v2(api, token, 'GET', `/movies?since=${encodeURIComponent('2026-01-01T09:00:30Z')}`),
    );
    expect(since.movies.map((m: any) => m.id)).toEqual([mine.id]);
    const premieres = await json(
      await v2(api, token, 'GET', '/movies?sortBy=originalPremiere&since=2008-06-01T00:00:00Z'),
    );
    expect(premieres.movies.map((m: any) => m.name)).toEqual(['The Dark Knight', 'Avatar', 'Recent']);
  });

  it.each([
    ['page=0', /"page" must be at least 1/],
    ['page=abc', /"page" must be an integer/],
    ['sortBy=rating', /"sortBy" must be one of/],
    ['order=up', /"order" must be "asc" or "desc"/],
    ['since=yesterday', /"since" must be an ISO date-time/],
  ])('refuses ?%s with 400', async (query, message) => {
    const res = await v2(api, token, 'GET', `/movies?${query}`);
    expect(res.status).toBe(400);
    expect((await json(res)).error.message).toMatch(message);
  });
});
