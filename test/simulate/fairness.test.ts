/**
 * Fair to correct apps written differently: Make's callback URLs are registered as the student
 * would, typed credentials are filled, an HTML error page shows its problem, and an RPC that
 * sends nothing fails the smoke scenario. (End to end: the calibration class in test/grade.)
 */
import { describe, expect, it } from 'vitest';
import { renderErrorPage } from '../../generator/academy-api/oauth/consent-page.ts';
import { checkExpectation } from '../../generator/simulate/assertions.ts';
import { htmlMessage } from '../../generator/simulate/html-message.ts';
import { simulateApp, smokeScenario } from '../../generator/simulate/index.ts';
import { appRedirectUri, isMakeCallback } from '../../generator/simulate/redirect-uri.ts';
import { DEFAULT_SETTINGS } from '../../generator/simulate/settings.ts';
import { makeApp } from './helpers.ts';

const AUTH = 'https://app-academy.make.com/api/v2';

function oauthApp(redirect: string, credentials: 'params' | 'common' = 'common') {
  const id = credentials === 'params' ? '{{parameters.clientId}}' : '{{common.clientId}}';
  const secret = credentials === 'params' ? '{{parameters.clientSecret}}' : '{{common.clientSecret}}';
  return makeApp({
    connections: {
      academy: {
        connectionType: 'oauth',
        codes: {
          ...(credentials === 'params'
            ? {
                params: [
                  { name: 'clientId', type: 'text', required: true, advanced: true },
                  { name: 'clientSecret', type: 'password', required: true, advanced: true },
                ],
              }
            : {}),
          defaultScope: ['connect'],
          communication: {
            authorize: {
              url: `${AUTH}/authorize`,
              qs: {
                client_id: id,
                redirect_uri: redirect,
                response_type: 'code',
                scope: "{{join(oauth.scope, ' ')}}",
              },
              response: { temp: { code: '{{query.code}}' } },
            },
            token: {
              url: `${AUTH}/token`,
              method: 'POST',
              body: {
                code: '{{temp.code}}',
                client_id: id,
                client_secret: secret,
                grant_type: 'authorization_code',
                redirect_uri: redirect,
              },
              response: { data: { accessToken: '{{body.access_token}}' } },
            },
          },
        },
      },
    },
  });
}

describe("Make's callback URLs", () => {
  it.each([
    ['{{oauth.redirectUri}}', DEFAULT_SETTINGS.oauthRedirectUri],
    ['{{oauth.makeRedirectUri}}', DEFAULT_SETTINGS.oauthMakeRedirectUri],
    ['{{oauth.localRedirectUri}}', DEFAULT_SETTINGS.oauthLocalRedirectUri],
    ['https://eu1.make.com/oauth/cb/app', 'https://eu1.make.com/oauth/cb/app'],
  ])('an app sending %s has %s registered', (sent, registered) => {
    expect(appRedirectUri(oauthApp(sent), DEFAULT_SETTINGS)).toBe(registered);
  });

  it('a foreign URL is not one of them', () => {
    expect(isMakeCallback('https://example.com/oauth/cb/app')).toBe(false);
    expect(isMakeCallback('https://www.make.com.evil.io/oauth/cb/app')).toBe(false);
    expect(appRedirectUri(oauthApp('https://example.com/cb'), DEFAULT_SETTINGS)).toBeUndefined();
  });

  it('the legacy oauth.redirectUri connects against the embedded API; a foreign URL does not', async () => {
    const ok = await simulateApp(oauthApp('{{oauth.redirectUri}}'));
    expect(ok.scenarios[0].steps[0]).toMatchObject({ kind: 'connect', status: 'pass' });
    const foreign = await simulateApp(oauthApp('https://example.com/cb'));
    expect(foreign.scenarios[0].steps[0].status).toBe('fail');
    // the page's problem, not its CSS
    expect(foreign.scenarios[0].steps[0].error?.message).toMatch(
      /redirect_uri "https:\/\/example.com\/cb" is not the URI registered/,
    );
    expect(foreign.scenarios[0].steps[0].error?.message).not.toMatch(/font-family|\{/);
  }, 60_000);
});

describe('credentials typed as connection parameters', () => {
  it('are filled from the registration, so authorize sends a client_id', async () => {
    const rep = await simulateApp(oauthApp('{{oauth.redirectUri}}', 'params'));
    const connect = rep.scenarios[0].steps[0];
    expect(connect.status).toBe('pass');
    expect(connect.requests[0].query.client_id).toEqual(expect.any(String));
    expect(connect.requests[0].query.client_id).not.toBe('');
  }, 60_000);
});

describe('HTML error pages', () => {
  it('give their problem text', () => {
    const html = renderErrorPage(['Unknown client_id "x"', 'redirect_uri is missing']);
    expect(htmlMessage(html)).toBe('Unknown client_id "x"; redirect_uri is missing');
  });
  it('without marked problems, give the heading and text, never style or script', () => {
    expect(
      htmlMessage(
        '<html><head><style>body{color:red}</style></head><body><h1>Oops</h1><script>x()</script><p>Gone.</p></body></html>',
      ),
    ).toBe('Oops Gone.');
  });
});

describe('an RPC without URL', () => {
  it('fails its smoke step: Make sends nothing', () => {
    const app = makeApp({
      rpcs: { listGenres: { codes: { communication: { response: { output: '{{body}}' } } } } },
    });
    const step = smokeScenario(app).steps.find((s) => 'rpc' in s);
    expect(step).toMatchObject({ rpc: { name: 'listGenres', expect: { sendsRequest: true } } });
    expect(checkExpectation({ sendsRequest: true }, { requests: [] })).toEqual([
      'no request was sent: its communication has no url, so Make sends nothing',
    ]);
  });
});
