import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AcademyApi, readConsentForm } from '../../generator/academy-api/index.ts';
import { connect, consent, exchange, getCode, json, refresh, startTestApi, v2 } from './helpers.ts';

/**
 * Black-box attacks on the OAuth2 endpoints over loopback HTTP, against what the OAuth 2.0
 * Security BCP and RFC 7636 require of a careful server.
 */
let api: AcademyApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const authorizePost = (body: URLSearchParams, headers: Record<string, string> = {}) =>
  fetch(`${api.apiBase(2)}/authorize`, { method: 'POST', body, headers, redirect: 'manual' });

async function servedForm(): Promise<Record<string, string>> {
  const page = await fetch(api.authorizeUrl({ state: 's' }));
  return readConsentForm(await page.text()).hidden;
}

describe('refresh-token reuse revokes the whole token family', () => {
  it('after a stolen, already rotated refresh token is replayed, the rotated-to tokens stop too', async () => {
    const first = await connect(api, { user: 'jane' });
    const rotated = await json(await refresh(api, first.refresh_token));
    expect((await v2(api, rotated.access_token, 'GET', '/info')).status).toBe(200);

    const replay = await refresh(api, first.refresh_token);
    expect(replay.status).toBe(401);
    expect((await json(replay)).error.type).toBe('invalid_grant');

    expect((await v2(api, rotated.access_token, 'GET', '/info')).status).toBe(401);
    expect((await refresh(api, rotated.refresh_token)).status).toBe(401);
  });

  it('leaves other connections alone', async () => {
    const john = await connect(api, { user: 'john' });
    const jane = await connect(api, { user: 'jane' });
    await refresh(api, jane.refresh_token);
    await refresh(api, jane.refresh_token);
    expect((await v2(api, john.access_token, 'GET', '/info')).status).toBe(200);
  });
});

describe('consent POST is bound to the page the server served (CSRF)', () => {
  const decide = (hidden: Record<string, string>) =>
    new URLSearchParams({ ...hidden, account: 'john', decision: 'allow' });

  it('refuses a forged POST that no consent page was served for, without redirecting', async () => {
    // Everything a consent page would carry, except a form token the server issued.
    const forged = new URLSearchParams(new URL(api.authorizeUrl()).searchParams);
    const res = await authorizePost(decide(Object.fromEntries(forged)));
    expect(res.status).toBe(403);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toMatch(/open the authorization link again/);
  });

  it('refuses an invented form token', async () => {
    const hidden = await servedForm();
    const res = await authorizePost(decide({ ...hidden, form_token: 'ft_guessed' }));
    expect(res.status).toBe(403);
    expect(res.headers.get('location')).toBeNull();
  });

  it('accepts a form token once: a replayed submission is refused', async () => {
    const hidden = await servedForm();
    expect((await authorizePost(decide(hidden))).status).toBe(302);
    const again = await authorizePost(decide(hidden));
    expect(again.status).toBe(403);
    expect(again.headers.get('location')).toBeNull();
  });

  it.each([['https://evil.example'], ['null'], ['http://127.0.0.1:1']])(
    'refuses a POST whose Origin is %s, even with a valid form token',
    async (origin) => {
      const hidden = await servedForm();
      const res = await authorizePost(decide(hidden), { origin });
      expect(res.status).toBe(403);
      expect(res.headers.get('location')).toBeNull();
      expect(await res.text()).toMatch(/Cross-site/);
    },
  );

  it('accepts the same-origin POST a browser sends', async () => {
    const hidden = await servedForm();
    const res = await authorizePost(decide(hidden), { origin: api.url });
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get('location')!).searchParams.get('code')).toMatch(/^ac_/);
  });

  it('refuses a valid form token whose scope or state was changed', async () => {
    const hidden = await servedForm();
    const res = await authorizePost(decide({ ...hidden, scope: 'connect read write delete admin' }));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/changed after it was served \(scope\)/);
    const other = await servedForm();
    expect((await authorizePost(decide({ ...other, state: 'forged' }))).status).toBe(400);
  });
});

describe('client redirect URIs: https, or http on loopback', () => {
  it.each([
    ['javascript:alert(document.domain)//'],
    ['data:text/html,<script>alert(1)</script>'],
    ['file:///etc/passwd'],
    ['http://evil.example/cb'],
    ['ftp://127.0.0.1/cb'],
    ['https://app.example/cb#frag'],
  ])('refuses %s at registration', (redirectUri) => {
    expect(() => api.registerClient({ redirectUri })).toThrow(/redirectUri/);
  });

  it('refuses such a URI among the start-up clients too', async () => {
    await expect(startTestApi({ clients: [{ redirectUri: 'javascript:alert(1)' }] })).rejects.toThrow(
      /must use https/,
    );
  });

  it.each([
    ['https://app.example/cb'],
    ['http://127.0.0.1:8123/cb'],
    ['http://localhost/cb'],
    ['http://[::1]:9/cb'],
  ])('accepts %s', (redirectUri) => {
    expect(api.registerClient({ redirectUri }).redirectUri).toBe(redirectUri);
  });
});

describe('PKCE (RFC 7636)', () => {
  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  // RFC 7636 appendix B: the server must derive this challenge from the verifier above.
  const s256 = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
  const withChallenge = (challenge: string, method?: string) => ({
    query: { code_challenge: challenge, ...(method ? { code_challenge_method: method } : {}) },
  });

  it('S256: the token request must carry the matching verifier', async () => {
    const code = await getCode(api, withChallenge(s256, 'S256'));
    const missing = await exchange(api, code);
    expect(missing.status).toBe(400);
    expect((await json(missing)).error).toMatchObject({
      type: 'invalid_grant',
      message: /code_verifier is required/,
    });
    const wrong = await exchange(api, code, undefined, { code_verifier: 'x'.repeat(43) });
    expect(wrong.status).toBe(400);
    expect((await json(wrong)).error.message).toMatch(/does not match/);
    // Failed attempts do not spend the code: the client holding the verifier still gets its tokens.
    const right = await exchange(api, code, undefined, { code_verifier: verifier });
    expect(right.status).toBe(200);
    expect((await json(right)).access_token).toMatch(/^at_/);
  });

  it('plain (also the default method): the verifier equals the challenge', async () => {
    const code = await getCode(api, withChallenge(verifier));
    expect((await exchange(api, code, undefined, { code_verifier: s256 })).status).toBe(400);
    expect((await exchange(api, code, undefined, { code_verifier: verifier })).status).toBe(200);
  });

  it('refuses a verifier for a code obtained without a challenge', async () => {
    const code = await getCode(api);
    const res = await exchange(api, code, undefined, { code_verifier: verifier });
    expect(res.status).toBe(400);
    expect((await json(res)).error.message).toMatch(/no code_challenge was sent/);
  });

  it.each([
    [{ code_challenge: s256, code_challenge_method: 'S512' }, /not supported/],
    [{ code_challenge: 'short' }, /43 to 128/],
    [{ code_challenge_method: 'S256' }, /without code_challenge/],
  ])('redirects a malformed challenge %o with invalid_request', async (query, message) => {
    const location = await consentRedirect(query);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error.message')).toMatch(message);
  });

  it('keeps the challenge with the served form: a POST cannot drop it', async () => {
    const location = await consent(api, {
      query: { code_challenge: s256, code_challenge_method: 'S256' },
    });
    const code = location.searchParams.get('code')!;
    expect((await exchange(api, code)).status).toBe(400);
  });
});

async function consentRedirect(query: Record<string, string>): Promise<URL> {
  const url = new URL(api.authorizeUrl());
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!);
}
