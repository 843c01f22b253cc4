import { connect as netConnect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AcademyApi, BODY_LIMIT_BYTES } from '../../generator/academy-api/index.ts';
import { connect, json, startTestApi } from './helpers.ts';

let api: AcademyApi;
let token: string;
beforeAll(async () => {
  api = await startTestApi();
  token = (await connect(api)).access_token;
});
afterAll(async () => {
  expect(api.internalErrors).toEqual([]); // nothing in this file may reach the 500 path
  await api.close();
});

const post = (path: string, body: BodyInit, contentType?: string) =>
  fetch(`${api.apiBase(2)}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(contentType ? { 'content-type': contentType } : {}) },
    body,
  });

/** Sends raw bytes over TCP and returns the raw answer (for requests fetch refuses to send). */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = netConnect(api.port, '127.0.0.1', () => socket.write(request));
    let out = '';
    socket.on('data', (d) => {
      out += d.toString();
    });
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
    setTimeout(() => {
      socket.destroy();
      resolve(out);
    }, 2000);
  });
}

describe('bad input gets a JSON error with the right status, never a crash', () => {
  it.each([
    ['malformed JSON', '/movies', '{"name": "x",', 'application/json', 400, /Malformed JSON body/],
    ['an empty JSON body', '/movies', '', 'application/json', 400, /empty/],
    ['a JSON array instead of an object', '/movies', '[1,2]', 'application/json', 400, /must be an object/],
    ['JSON null', '/movies', 'null', 'application/json', 400, /must be an object/],
    [
      'a wrong content type',
      '/movies',
      'name=x',
      'application/x-www-form-urlencoded',
      415,
      /Unsupported content type/,
    ],
    ['no content type', '/movies', '{"name":"x"}', undefined, 415, /Unsupported content type/],
    [
      'deeply nested JSON',
      '/movies',
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      'application/json',
      400,
      /must be an object/,
    ],
    [
      'a deep object in a field',
      '/movies',
      `{"name":"x","boxOffice":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`,
      'application/json',
      200,
      /.*/,
    ],
  ])('%s', async (_label, path, body, type, status, message) => {
    const res = await post(path, body, type);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const out = await json(res);
    if (status !== 200)
      expect(out).toEqual({ error: { message: expect.stringMatching(message), code: status } });
  });

  it('refuses a body over 1 MiB with 413 (declared length)', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(BODY_LIMIT_BYTES) });
    const res = await post('/movies', big, 'application/json');
    expect(res.status).toBe(413);
    expect((await json(res)).error.message).toMatch(/1048576 byte limit/);
  });

  it('refuses a chunked body over 1 MiB with 413 (no declared length)', async () => {
    const chunk = new Uint8Array(256 * 1024).fill(32);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 6) return controller.close();
        sent++;
        controller.enqueue(chunk);
      },
    });
    const res = await fetch(`${api.apiBase(2)}/movies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('accepts a body just under the limit', async () => {
    const name = 'x'.repeat(400);
    const padding = ' '.repeat(BODY_LIMIT_BYTES - 500);
    const res = await post('/movies', `{"name":"${name}"${padding}}`, 'application/json');
    expect(res.status).toBe(200);
  });

  it.each([
    ['/', 404],
    ['/api', 404],
    ['/api/v3/movies', 404],
    ['/api/v2/nothing', 404],
    ['/api/v1/authorize', 404],
    ['/api/v2/movies/a/b', 404],
    ['/api/v2/%E0%A4%A', 404],
  ])('answers the unknown route %s with %i JSON', async (path, status) => {
    const res = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(status);
    expect((await json(res)).error.code).toBe(status);
  });

  it('answers a wrong method with 405 and an Allow header', async () => {
    const res = await fetch(`${api.apiBase(2)}/genres`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
    const tokenGet = await fetch(`${api.apiBase(2)}/token`);
    expect(tokenGet.status).toBe(405);
  });

  it('answers a malformed HTTP request with 400 JSON and keeps serving', async () => {
    const answer = await raw('GARBAGE\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(answer).toContain('"code":400');
    expect(
      (await fetch(`${api.apiBase(2)}/genres`, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
  });

  it('treats path tricks as plain unknown ids', async () => {
    const res = await fetch(`${api.apiBase(2)}/movies/..%2F..%2Fetc%2Fpasswd`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(404);
  });

  it('answers a malformed Basic header at the token endpoint with 401 invalid_client', async () => {
    const res = await fetch(`${api.apiBase(2)}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic !!!' },
      body: '{"grant_type":"authorization_code","code":"x"}',
    });
    expect(res.status).toBe(401);
    expect((await json(res)).error.type).toBe('invalid_client');
  });
});
