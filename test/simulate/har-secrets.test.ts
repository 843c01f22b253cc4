/**
 * Every HAR a run writes is scanned for every secret the run issued, in every encoding
 * (raw, URL- and form-encoded, base64 / base64url, a Basic pair, embedded in base64 data).
 * The secrets are collected on the wire, below the recorder, so the scan does not trust the
 * redactor's own idea of what is secret.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AcademyApi, startAcademyApi } from '../../generator/academy-api/index.ts';
import { loadApp } from '../../generator/load/index.ts';
import {
  ACADEMY_HOST,
  createFetchTransport,
  loadScenarios,
  type SimulateOptions,
  simulateApp,
  type Transport,
} from '../../generator/simulate/index.ts';
import { leakedSecrets } from '../helpers/secret-forms.ts';
import { makeApp, type Stub, startStub } from './helpers.ts';

const root = join(__dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'har-secrets-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A transport that notes every credential the server hands out (token bodies, codes in redirects). */
function watching(inner: Transport, issued: Set<string>): Transport {
  return {
    async send(req) {
      const res = await inner.send(req);
      const location = res.headers.location;
      if (location)
        for (const [k, v] of new URL(location, req.url).searchParams) if (k === 'code') issued.add(v);
      if ((res.headers['content-type'] ?? '').includes('json')) {
        const text = res.body.toString('utf8');
        for (const m of text.matchAll(
          /"(access_token|refresh_token|id_token|token|secret|password)"\s*:\s*"([^"]+)"/g,
        ))
          issued.add(m[2]!);
      }
      return res;
    },
  };
}

describe('the reference scenarios and the smoke scenario, recorded with --har', { timeout: 180_000 }, () => {
  let api: AcademyApi;
  const issued = new Set<string>();
  const hars: Record<string, string> = {};

  beforeAll(async () => {
    api = await startAcademyApi({ deterministic: true, seed: 3 });
    const app = loadApp(join(root, 'dist-app'));
    const transport = watching(
      createFetchTransport({ [ACADEMY_HOST]: api.url }, { allowUnmapped: false }),
      issued,
    );
    const runs: [string, SimulateOptions['scenarios']][] = [
      ['reference', loadScenarios(join(root, 'app-src/scenarios'))],
      ['smoke', 'smoke'],
    ];
    for (const [name, scenarios] of runs) {
      const har = join(tmp, `${name}.har`);
      await simulateApp(app, { api, scenarios, har, seed: 3, transport });
      hars[name] = readFileSync(har, 'utf8');
    }
    for (const c of api.clients) issued.add(c.clientSecret).add(c.apiKey);
  });
  afterAll(() => api?.close());

  it('issued codes, access and refresh tokens (the scan has something to find)', () => {
    const kinds = new Set([...issued].map((s) => s.slice(0, 3)));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['ac_', 'ak_', 'at_', 'cs_', 'rt_']));
    expect(issued.size).toBeGreaterThan(10);
  });

  it.each(['reference', 'smoke'])('the %s HAR holds none of them in any encoding', (name) => {
    expect(hars[name]!.length).toBeGreaterThan(1000);
    expect(
      leakedSecrets(
        hars[name]!,
        issued,
        api.clients.map((c) => c.clientId),
      ),
    ).toEqual([]);
  });
});

describe('redaction by name, on a hostile server that invents its own secrets', { timeout: 60_000 }, () => {
  // None of these is known to the simulator: only their names give them away.
  const INVENTED = {
    password: 'hunter2-correct-horse',
    sessionToken: 'sess-9f8e7d6c5b4a3210',
    apiKey: 'key-0a1b2c3d4e5f6789',
    sid: 'cookie-sid-55aa55aa55aa',
    idToken: 'eyJhbGciOi.payload-part.sig-part',
    deepSecret: 'deep-secret-1122334455',
    setCookie: 'srv-cookie-6677889900',
    refreshHeader: 'hdr-refresh-a1b2c3d4e5',
  };
  let stub: Stub;
  beforeAll(async () => {
    stub = await startStub(() => ({
      headers: {
        'set-cookie': `session=${INVENTED.setCookie}; HttpOnly`,
        'x-refresh-token': INVENTED.refreshHeader,
      },
      json: {
        id_token: INVENTED.idToken,
        token_type: 'Bearer',
        nextPageToken: 'page-2-cursor',
        data: { items: [{ name: 'a', credentials: { client_secret: INVENTED.deepSecret } }] },
      },
    }));
  });
  afterAll(() => stub.close());

  async function recordedHar(harKeep?: string[]): Promise<string> {
    const app = makeApp({
      base: { baseUrl: 'https://api.hostile.test' },
      modules: {
        login: {
          moduleType: 'action',
          codes: {
            communication: {
              url: '/login',
              method: 'POST',
              headers: {
                'X-Session-Token': '{{parameters.sessionToken}}',
                Cookie: 'sid={{parameters.sid}}',
                Authorization: "Basic {{base64('me:' + parameters.password)}}",
              },
              qs: { api_key: '{{parameters.apiKey}}', page: 1 },
              body: { user: { name: 'me', password: '{{parameters.password}}' }, note: 'hello' },
              response: { output: '{{body}}' },
            },
          },
        },
      },
    });
    const har = join(tmp, `hostile-${harKeep?.join('-') ?? 'default'}.har`);
    await simulateApp(app, {
      embeddedApi: false,
      hostMap: { 'api.hostile.test': stub.url },
      scenarios: [{ name: 'login', steps: [{ run: { module: 'login', parameters: INVENTED } }] }],
      har,
      ...(harKeep ? { harKeep } : {}),
    });
    return readFileSync(har, 'utf8');
  }

  it('redacts credential-named headers, query and JSON fields in requests and responses', async () => {
    const text = await recordedHar();
    const { password, ...sent } = INVENTED;
    // The password is also inside the Basic header, base64-encoded with the user name.
    expect(leakedSecrets(text, [password], ['me'])).toEqual([]);
    expect(leakedSecrets(text, Object.values(sent))).toEqual([]);
    const entry = JSON.parse(text).log.entries[0];
    const header = (list: { name: string; value: string }[], name: string) =>
      list.find((h) => h.name.toLowerCase() === name)?.value;
    expect(header(entry.request.headers, 'authorization')).toBe('Basic [REDACTED]');
    expect(header(entry.request.headers, 'cookie')).toBe('sid=[REDACTED]');
    expect(header(entry.response.headers, 'set-cookie')).toBe('session=[REDACTED]; HttpOnly');
    // What is not a credential stays readable.
    expect(entry.request.queryString).toContainEqual({ name: 'page', value: '1' });
    expect(JSON.parse(entry.response.content.text)).toMatchObject({
      token_type: 'Bearer',
      nextPageToken: 'page-2-cursor',
    });
    expect(JSON.parse(entry.request.postData.text)).toEqual({
      user: { name: 'me', password: '[REDACTED]' },
      note: 'hello',
    });
    // The IML inputs recorded with the entry are redacted by name too.
    expect(entry._makeApp.inputs.parameters.password).toBe('[REDACTED]');
  });

  it('redacts a known secret in its encoded forms under innocent names', async () => {
    const KEY = 'ak_known-0123456789abcdefXYZ';
    const app = makeApp({
      base: { baseUrl: 'https://api.hostile.test' },
      modules: {
        encode: {
          moduleType: 'action',
          codes: {
            communication: {
              url: '/encode',
              method: 'POST',
              headers: { 'X-Upstream': "Basic {{base64('svc:' + common.apiKey)}}" },
              qs: { q: '{{common.apiKey}} and more' },
              body: {
                plain: '{{base64(common.apiKey)}}',
                after1: "{{base64('x' + common.apiKey + 'y')}}",
                after2: "{{base64('xy' + common.apiKey)}}",
                url: "{{base64url('k=' + common.apiKey + ';')}}",
              },
              response: { output: '{{body}}' },
            },
          },
        },
      },
    });
    const har = join(tmp, 'encoded.har');
    await simulateApp(app, {
      embeddedApi: false,
      hostMap: { 'api.hostile.test': stub.url },
      registration: { apiKey: KEY },
      scenarios: [{ name: 'encode', steps: [{ run: { module: 'encode' } }] }],
      har,
    });
    const text = readFileSync(har, 'utf8');
    const sent = stub.seen.at(-1)!;
    // The request really carried the encoded forms (the scan is not vacuous).
    expect(
      leakedSecrets(
        `${sent.body} ${sent.headers['x-upstream']} ${JSON.stringify(sent.query)}`,
        [KEY],
        ['svc'],
      ).length,
    ).toBeGreaterThan(3);
    expect(leakedSecrets(text, [KEY], ['svc'])).toEqual([]);
  });

  it('keeps the fields named with harKeep visible', async () => {
    const text = await recordedHar(['X-Session-Token', 'api_key']);
    expect(text).toContain(INVENTED.sessionToken);
    expect(text).toContain(INVENTED.apiKey);
    expect(leakedSecrets(text, [INVENTED.password, INVENTED.deepSecret, INVENTED.idToken])).toEqual([]);
  });
});
