import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AcademyApi } from '../../generator/academy-api/index.ts';
import { connect, IRON_MAN, json, startTestApi, v1, v2 } from './helpers.ts';

let api: AcademyApi;
let token: string;
beforeAll(async () => {
  api = await startTestApi();
  token = (await connect(api)).access_token;
});
afterAll(() => api.close());

const get = async (path: string) => {
  const res = await v2(api, token, 'GET', path);
  return { status: res.status, body: await json(res) };
};
const people = (q: string, extra = '') => get(`/people?q=${encodeURIComponent(q)}${extra}`);
const names = (body: any) => body.people.map((p: any) => p.name);

describe('GET /people — the q filter', () => {
  it.each([
    ['contains= "Rob" AND startsWith = "Rob" AND endsWith = "Jr."', ['Robert Downey Jr.']],
    [
      'contains= "Rob" AND startsWith = "Rob" AND endsWith = "Jr." AND equals = "Robert Downey Jr."',
      ['Robert Downey Jr.'],
    ],
    ['equal="tom hanks"', ['Tom Hanks']],
    ['STARTSWITH="rob" and CONTAINS="z"', ['Robert Zemeckis']],
    ['startsWith="Ch"', ['Christopher Nolan', 'Christian Bale']],
    ['endsWith = "E"', ['Christian Bale']],
    ['contains="an" AND contains="na"', ['Lana Wachowski', 'Zoe Saldana']],
    ['contains = "\\"quoted\\""', []],
    ['   ', null],
  ])('q=%s matches %j (case-insensitive, on the name)', async (q, expected) => {
    const { status, body } = await people(q, '&limit=5');
    expect(status).toBe(200);
    if (expected === null) expect(body.total).toBe(14);
    else expect(names(body)).toEqual(expected);
  });

  it.each([
    ['like="Rob"', /column 1: expected an operator/],
    ['contains "Rob"', /column 10: expected "=" after contains/],
    ['contains=Rob', /column 10: expected a double-quoted value/],
    ['contains="Rob', /the quoted value is not closed/],
    ['contains="Rob" OR contains="Tom"', /column 16: expected AND between conditions/],
    ['contains="Rob" AND', /expected an operator .* found the end of the query/],
  ])('refuses the malformed q %s with 400 naming the problem', async (q, message) => {
    const { status, body } = await people(q);
    expect(status).toBe(400);
    expect(body.error.message).toMatch(message);
  });
});

describe('GET /people — offset pagination', () => {
  it('pages 14 people with offset/limit: 5 + 5 + 4, then empty', async () => {
    const pages = [];
    for (const offset of [0, 5, 10, 15]) pages.push((await get(`/people?offset=${offset}`)).body);
    expect(pages.map((p) => p.people.length)).toEqual([5, 5, 4, 0]);
    expect(pages[1]).toMatchObject({ offset: 5, limit: 5, total: 14 });
    expect(new Set(pages.flatMap((p) => p.people.map((x: any) => x.id))).size).toBe(14);
  });

  it('honours a smaller limit and lowers a larger one to the page size of 5', async () => {
    expect((await get('/people?limit=2')).body.people).toHaveLength(2);
    const big = (await get('/people?limit=50')).body;
    expect(big.people).toHaveLength(5);
    expect(big.limit).toBe(5);
  });

  it.each(['offset=-1', 'limit=0', 'offset=1.5'])('refuses ?%s with 400', async (q) => {
    expect((await get(`/people?${q}`)).status).toBe(400);
  });
});

describe('GET /organizations — has-more pagination', () => {
  it('pages 11 organizations: hasMore true, true, false', async () => {
    const pages = [];
    for (const page of [1, 2, 3]) pages.push((await get(`/organizations?page=${page}`)).body);
    expect(pages.map((p) => [p.organizations.length, p.hasMore])).toEqual([
      [5, true],
      [5, true],
      [1, false],
    ]);
    expect(pages[0].organizations[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{12}$/),
      name: 'Marvel Studios',
      type: 'studio',
      country: 'US',
    });
  });
});

describe('genres, awards, custom fields, about', () => {
  it('lists genres without paging', async () => {
    const { body } = await get('/genres');
    expect(body.genres.length).toBeGreaterThanOrEqual(6);
    expect(body.genres[0]).toEqual({ id: '1', name: 'action' });
  });

  it('lists awards of a movie, empty for one without, 404 for an unknown movie', async () => {
    expect((await get('/awards/b4d7e1a9c052')).body.awards).toHaveLength(3);
    expect((await get(`/awards/${IRON_MAN}`)).body).toEqual({ awards: [] });
    expect((await get('/awards/ffffffffffff')).status).toBe(404);
  });

  it('lists three movie custom fields', async () => {
    expect((await get('/custom-fields')).body.fields).toEqual([
      { name: 'rating', label: 'Rating', type: 'number' },
      { name: 'watched', label: 'Watched', type: 'boolean' },
      { name: 'notes', label: 'Notes', type: 'text' },
    ]);
  });

  it('answers /about as a one-element array with the registered redirect URI', async () => {
    const { body } = await get('/about');
    expect(body).toEqual([
      {
        id: api.users.john.id,
        name: 'John Doe',
        email: 'john.doe@example.com',
        webhook: null,
        webhookId: null,
        'webhook-watched-items': 'create, update',
        'redirect-URI': 'https://www.make.com/oauth/cb/app',
      },
    ]);
  });
});

describe('files', () => {
  it('lists 2 files and 1 folder', async () => {
    const { body } = await get('/files');
    expect(body.files.map((f: any) => f.type).sort()).toEqual(['file', 'file', 'folder']);
  });

  it('exports a file as its bytes with a content type', async () => {
    const res = await v2(api, token, 'GET', '/files/f2b3c4d5e6f7/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    const listed = (await get('/files')).body.files.find((f: any) => f.id === 'f2b3c4d5e6f7');
    expect(bytes.length).toBe(listed.size);
  });

  it('refuses to export a folder (400) or an unknown id (404)', async () => {
    expect((await v2(api, token, 'GET', '/files/d0c1b2a39485/export')).status).toBe(400);
    expect((await v2(api, token, 'GET', '/files/000000000000/export')).status).toBe(404);
  });

  it('imports a multipart upload, answers name and size, and stores nothing', async () => {
    const form = new FormData();
    form.append(
      'file',
      new Blob([Buffer.from('hello, upload\r\n--not-a-boundary')], { type: 'text/plain' }),
      'notes.txt',
    );
    const res = await fetch(`${api.apiBase(2)}/files/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ name: 'notes.txt', size: 31 });
    expect((await get('/files')).body.files).toHaveLength(3);
  });

  it('works through v1 too', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([0, 1, 2, 255])]), 'raw.bin');
    const res = await fetch(`${api.apiBase(1)}/files/import`, {
      method: 'POST',
      headers: { 'x-api-key': api.defaultClient.apiKey },
      body: form,
    });
    expect(await json(res)).toEqual({ name: 'raw.bin', size: 4 });
  });

  it.each([
    ['a JSON body', { 'content-type': 'application/json' }, '{}', 415],
    ['multipart without a boundary', { 'content-type': 'multipart/form-data' }, 'x', 400],
    [
      'multipart with no file part',
      { 'content-type': 'multipart/form-data; boundary=XX' },
      '--XX\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--XX--\r\n',
      400,
    ],
    [
      'a multipart body that never closes',
      { 'content-type': 'multipart/form-data; boundary=XX' },
      '--XX\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nabc',
      400,
    ],
  ])('refuses an upload with %s', async (_l, headers, body, status) => {
    const res = await fetch(`${api.apiBase(2)}/files/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...headers },
      body,
    });
    expect(res.status).toBe(status);
    expect((await json(res)).error.code).toBe(status);
  });

  it('v1 answers the same reference data as v2', async () => {
    expect(await json(await v1(api, 'GET', '/genres'))).toEqual((await get('/genres')).body);
  });
});
