import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AcademyApi, readConsentForm } from '../../generator/academy-api/index.ts';
import { consent, startTestApi } from './helpers.ts';

let api: AcademyApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

function authorizeUrl(params: Record<string, string | undefined>): string {
  const c = api.defaultClient;
  const u = new URL(`${api.apiBase(2)}/authorize`);
  const all: Record<string, string | undefined> = {
    client_id: c.clientId,
    redirect_uri: c.redirectUri,
    response_type: 'code',
    scope: 'connect read',
    ...params,
  };
  for (const [k, v] of Object.entries(all)) if (v !== undefined) u.searchParams.set(k, v);
  return u.toString();
}

/** Posts the form of a freshly served consent page with some fields set or changed. */
async function postForm(fields: Record<string, string>): Promise<Response> {
  const page = await fetch(authorizeUrl({ scope: 'connect' }));
  const form = readConsentForm(await page.text());
  return fetch(`${api.apiBase(2)}/authorize`, {
    method: 'POST',
    body: new URLSearchParams({ ...form.hidden, ...fields }),
    redirect: 'manual',
  });
}

describe('GET /authorize (consent page)', () => {
  it('shows an HTML form with John Doe and Jane Black, the requested scopes, and Allow/Deny', async () => {
    const res = await fetch(authorizeUrl({ scope: 'connect read write', state: 's1' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const html = await res.text();
    expect(html).toContain('John Doe');
    expect(html).toContain('Jane Black');
    const form = readConsentForm(html);
    expect(form.action).toBe('/api/v2/authorize');
    expect(form.accounts).toEqual(['john', 'jane']);
    expect(form.decisions.sort()).toEqual(['allow', 'deny']);
    expect(form.scopes).toEqual(['connect', 'read', 'write']);
    expect(form.hidden).toMatchObject({ scope: 'connect read write', state: 's1', response_type: 'code' });
  });

  it('escapes request values in the page (no markup injection through state)', async () => {
    const res = await fetch(authorizeUrl({ state: '"><script>alert(1)</script>' }));
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(readConsentForm(html).hidden.state).toBe('"><script>alert(1)</script>');
  });

  it('accepts comma-separated scopes as well as spaces', async () => {
    const res = await fetch(authorizeUrl({ scope: 'connect,read, delete' }));
    expect(res.status).toBe(200);
    expect(readConsentForm(await res.text()).scopes).toEqual(['connect', 'read', 'delete']);
  });

  // Unsafe errors: shown on a page, never redirected (an attacker must not get a code sent elsewhere).
  it.each([
    ['an unknown client_id', { client_id: 'nobody' }, 400, /Unknown client_id/],
    ['a missing client_id', { client_id: undefined }, 400, /client_id is missing/],
    [
      'a redirect_uri other than the registered one',
      { redirect_uri: 'https://evil.example/cb' },
      400,
      /not the URI registered/,
    ],
    [
      'a redirect_uri differing only by a trailing slash',
      { redirect_uri: 'https://www.make.com/oauth/cb/app/' },
      400,
      /not the URI registered/,
    ],
    ['a missing redirect_uri', { redirect_uri: undefined }, 400, /redirect_uri is missing/],
    [
      'an unsafe request with an unsupported response_type',
      { redirect_uri: 'https://evil.example/cb', response_type: 'token' },
      501,
      /not supported/,
    ],
  ])('answers %s with a page and status %i, never a redirect', async (_label, params, status, message) => {
    const res = await fetch(authorizeUrl(params), { redirect: 'manual' });
    expect(res.status).toBe(status);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toMatch(message);
  });

  it.each([
    ['response_type other than code', { response_type: 'token' }, 'unsupported_response_type'],
    ['a scope without connect', { scope: 'read write' }, 'invalid_scope'],
    ['an unknown scope', { scope: 'connect admin' }, 'invalid_scope'],
    ['no scope at all', { scope: undefined }, 'invalid_scope'],
  ])('redirects %s back to the app with error and error.message', async (_label, params, error) => {
    const res = await fetch(authorizeUrl({ ...params, state: 'st' }), { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.origin + location.pathname).toBe(api.defaultClient.redirectUri);
    expect(location.searchParams.get('error')).toBe(error);
    expect(location.searchParams.get('error.message')).toBeTruthy();
    expect(location.searchParams.get('state')).toBe('st');
    expect(location.searchParams.get('code')).toBeNull();
  });
});

describe('POST /authorize (the decision)', () => {
  it('redirects (302) to the registered URI with a code and the state unchanged', async () => {
    const location = await consent(api, { user: 'jane', state: 'a b&c=d' });
    expect(location.origin + location.pathname).toBe('https://www.make.com/oauth/cb/app');
    expect(location.searchParams.get('code')).toMatch(/^ac_/);
    expect(location.searchParams.get('state')).toBe('a b&c=d');
  });

  it('omits state when none was given', async () => {
    const location = await consent(api, { user: 'john' });
    expect(location.searchParams.has('state')).toBe(false);
  });

  it('redirects a denial with error=access_denied and no code', async () => {
    const location = await consent(api, { user: null, decision: 'deny', state: 'x' });
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('error.message')).toMatch(/denied/);
    expect(location.searchParams.get('state')).toBe('x');
    expect(location.searchParams.has('code')).toBe(false);
  });

  it('shows the page again (400) when Allow is pressed without choosing an account', async () => {
    const c = api.defaultClient;
    const res = await postForm({
      client_id: c.clientId,
      redirect_uri: c.redirectUri,
      response_type: 'code',
      scope: 'connect',
      decision: 'allow',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toMatch(/Choose the account/);
  });

  it('refuses an unknown account name the same way', async () => {
    const c = api.defaultClient;
    const res = await postForm({
      client_id: c.clientId,
      redirect_uri: c.redirectUri,
      response_type: 'code',
      scope: 'connect',
      decision: 'allow',
      account: 'mallory',
    });
    expect(res.status).toBe(400);
  });

  it('never redirects a tampered form whose redirect_uri is not registered', async () => {
    const c = api.defaultClient;
    const res = await postForm({
      client_id: c.clientId,
      redirect_uri: 'https://evil.example/steal',
      response_type: 'code',
      scope: 'connect',
      decision: 'allow',
      account: 'john',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });

  it('logs the chosen account and client', async () => {
    api.requestLog.length = 0;
    await consent(api, { user: 'jane' });
    const post = api.requestLog.find((e) => e.method === 'POST' && e.path === '/api/v2/authorize');
    expect(post).toMatchObject({ status: 302, client: api.defaultClient.clientId, user: 'jane' });
  });
});
