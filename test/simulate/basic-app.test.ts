/**
 * A hand-written app with an API-key (basic) connection and an id-based polling trigger, loaded
 * from a single-file bundle and routed to a stub server through the host mapping.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadApp } from '../../generator/load/index.ts';
import { simulateApp } from '../../generator/simulate/index.ts';
import { type Stub, startStub } from './helpers.ts';

const app = loadApp(join(__dirname, '../fixtures/simulate/basic-key-app/app.bundle.json'));
const KEY = 'nk_live_0123456789abcdef';
let stub: Stub;
const notes: { id: number; text: string }[] = [];

beforeAll(async () => {
  stub = await startStub((r) => {
    if (r.headers['x-api-key'] !== KEY) return { status: 401, json: { message: 'bad key' } };
    if (r.path === '/v1/me') return { json: { id: 'u1', name: 'Notes user' } };
    if (r.path === '/v1/notes' && r.method === 'POST') {
      const note = { id: notes.length + 1, text: JSON.parse(r.body).text };
      notes.push(note);
      return { json: note };
    }
    if (r.path === '/v1/notes') return { json: { notes } };
    return { status: 404, json: { message: 'no route' } };
  });
});
afterAll(() => stub.close());

describe('basic connection and polling trigger (bundle app on a stub host)', () => {
  it('connects with the key, polls only new notes, and never records the key', async () => {
    const rep = await simulateApp(app, {
      embeddedApi: false,
      hostMap: { 'api.notes.test': stub.url },
      registration: { apiKey: KEY },
      scenarios: [
        {
          name: 'notes',
          steps: [
            { connect: {} },
            { run: { module: 'addNote', parameters: { text: 'one' } } },
            { run: { module: 'addNote', parameters: { text: 'two' } } },
            { run: { module: 'addNote', parameters: { text: 'three' } } },
            {
              run: {
                module: 'watchNotes',
                expect: {
                  output: [
                    { id: 1, text: 'ONE' },
                    { id: 2, text: 'TWO' },
                  ],
                  count: 2,
                },
              },
            },
            {
              run: {
                module: 'watchNotes',
                expect: { output: [{ id: 3 }], count: 1, requests: [{ query: { after: '2' } }] },
              },
            },
            { run: { module: 'watchNotes', expect: { count: 0 } } },
          ],
        },
      ],
    });
    const steps = rep.scenarios[0].steps;
    expect(steps.map((s) => [s.label, s.status, s.failures])).toEqual(
      steps.map((s) => [s.label, 'pass', []]),
    );
    expect(steps[0].output).toEqual([
      { user: null, scopes: [], expires: null, metadata: { type: 'text', value: 'Notes user' }, uid: 'u1' },
    ]);
    expect(steps[0].requests[0]).toMatchObject({
      url: 'https://api.notes.test/v1/me',
      headers: { 'x-api-key': '[REDACTED]' },
    });
    expect(JSON.stringify(rep)).not.toContain(KEY);
  });

  it('a wrong key fails the connect step with the status and the connection is not usable', async () => {
    const rep = await simulateApp(app, {
      embeddedApi: false,
      hostMap: { 'api.notes.test': stub.url },
      scenarios: [
        {
          name: 'bad',
          steps: [
            { connect: { parameters: { apiKey: 'wrong-key-123' } } },
            { run: { module: 'watchNotes' } },
          ],
        },
      ],
    });
    const [c, r] = rep.scenarios[0].steps;
    expect(c.error).toEqual({ type: 'RuntimeError', message: 'Status Code Error: 401', statusCode: 401 });
    expect(r.error?.type).toBe('AccountValidationError');
  });
});

describe('live mode guards in the API', () => {
  it.each([
    [
      { clientId: '', clientSecret: 's', confirmed: true as const },
      /ACADEMY_CLIENT_ID and ACADEMY_CLIENT_SECRET/,
    ],
    [{ clientId: 'id', clientSecret: 's', confirmed: false as unknown as true }, /explicit confirmation/],
  ])('refuses %j before sending anything', async (live, message) => {
    await expect(simulateApp(app, { live })).rejects.toThrow(message);
  });
  it('refuses live together with replay', async () => {
    await expect(
      simulateApp(app, { live: { clientId: 'a', clientSecret: 'b', confirmed: true }, replay: 'x.har' }),
    ).rejects.toThrow(/cannot be combined/);
  });
});
