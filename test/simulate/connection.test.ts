/**
 * The OAuth2 lifecycle against the embedded API: the consent page played as a browser (john or
 * jane, Allow or Deny), redirect problems, common data filled from the registration whatever the
 * app calls its keys.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AcademyApi, startAcademyApi } from '../../generator/academy-api/index.ts';
import { loadApp } from '../../generator/load/index.ts';
import type { AppModel } from '../../generator/model/index.ts';
import { classifyCommonKey, fillCommon } from '../../generator/simulate/common-data.ts';
import { type Scenario, simulateApp } from '../../generator/simulate/index.ts';

const app = loadApp(join(__dirname, '../../dist-app'));
let api: AcademyApi;
beforeAll(async () => {
  api = await startAcademyApi({ deterministic: true, seed: 3 });
});
afterAll(() => api.close());

async function steps(a: AppModel, s: Scenario['steps'], opts: Parameters<typeof simulateApp>[1] = {}) {
  const rep = await simulateApp(a, { api, scenarios: [{ name: 't', steps: s }], ...opts });
  return rep.scenarios[0].steps;
}

/** A copy of the reference app whose connection IML is rewritten by `edit`. */
function withConnection(edit: (json: string) => string): AppModel {
  const copy: AppModel = { ...app };
  const conn = app.components.connection.academy;
  const value = JSON.parse(edit(JSON.stringify(conn.codes.communication!.value)));
  copy.components = {
    ...app.components,
    connection: {
      academy: { ...conn, codes: { ...conn.codes, communication: { ...conn.codes.communication!, value } } },
    },
  };
  return copy;
}

describe('consent page as a browser', () => {
  it.each([
    ['john', 'John Doe'],
    ['jane', 'Jane Black'],
    ['Jane Black', 'Jane Black'],
  ])('connect as %s picks that account', async (as, name) => {
    const [c, r] = await steps(app, [{ connect: { as } }, { run: { module: 'getMyAccount' } }]);
    expect(c.status).toBe('pass');
    expect(r.output).toEqual([expect.objectContaining({ name })]);
  });

  it('pressing Deny surfaces the error through authorize.response', async () => {
    const [c] = await steps(app, [{ connect: { as: 'john', deny: true } }]);
    expect(c.status).toBe('fail');
    expect(c.error?.type).toBe('InvalidConfigurationError');
    expect(c.requests.map((r) => [r.method, r.status])).toEqual([
      ['GET', 200],
      ['POST', 302],
    ]);
  });

  it('an account the page does not offer is a clear error', async () => {
    const [c] = await steps(app, [{ connect: { as: 'bob' } }]);
    expect(c.error?.message).toMatch(/no account option on the consent page matches "bob"/);
  });

  it('a redirect_uri the API did not register stops at the consent page (400), nothing is redirected', async () => {
    const bad = withConnection((j) =>
      j.replaceAll('https://www.make.com/oauth/cb/app', 'https://evil.example/cb'),
    );
    const [c] = await steps(bad, [{ connect: { as: 'john' } }]);
    expect(c.error?.type).toBe('InvalidConfigurationError');
    expect(c.error?.message).toMatch(/Authorization page answered 400/);
    expect(c.requests).toHaveLength(1);
  });

  it('requested scopes default to the connection default scope plus every module scope', async () => {
    const [c] = await steps(app, [{ connect: { as: 'john' } }]);
    expect(c.output?.[0]).toMatchObject({
      scopes: expect.arrayContaining(['connect', 'read', 'write', 'delete']),
    });
  });
});

describe('webhook delivery', () => {
  it('waiting for a delivery that never comes is a clear step error, at once when the embedded API sent none', async () => {
    const s = await steps(app, [
      { connect: { as: 'john' } },
      { createMovie: { name: 'Unheard' } },
      { deliverWebhook: { module: 'watchMovieEvents', waitMs: 150 } },
    ]);
    expect(s[1].status).toBe('pass');
    expect(s[2].error).toEqual({
      type: 'RuntimeError',
      // the embedded API has nothing in flight: no need to wait out waitMs
      message: 'No webhook delivery reached "movieEvents": the API sent none',
    });
  });
});

describe('common data', () => {
  it.each([
    ['clientId', 'clientId'],
    ['client_id', 'clientId'],
    ['clientSecret', 'clientSecret'],
    ['client_secret', 'clientSecret'],
    ['secret', 'clientSecret'],
    ['appId', 'clientId'],
    ['consumerKey', 'clientId'],
    ['apiKey', 'apiKey'],
    ['redirectUri', 'redirectUri'],
    ['timeout', undefined],
  ])('%s is filled with the registration %s', (key, kind) => {
    expect(classifyCommonKey(key)).toBe(kind);
  });

  it('keeps unrelated keys and lets overrides win', () => {
    expect(
      fillCommon(
        { timeout: 5, clientId: 'placeholder' },
        ['secret'],
        { clientId: 'id1', clientSecret: 's1' },
        { timeout: 9 },
      ),
    ).toEqual({
      timeout: 9,
      clientId: 'id1',
      secret: 's1',
    });
  });

  it('an app naming its common keys differently still connects', async () => {
    const renamed = withConnection((j) =>
      j.replaceAll('common.clientId', 'common.id').replaceAll('common.clientSecret', 'common.client_secret'),
    );
    const [c, r] = await steps(renamed, [{ connect: { as: 'jane' } }, { run: { module: 'getMyAccount' } }]);
    expect(c.error).toBeUndefined();
    expect(r.output).toEqual([expect.objectContaining({ email: 'jane.black@example.com' })]);
  });

  it('an overridden secret is redacted even when the app does not sanitize it', async () => {
    const unsanitized = withConnection((j) => j.replaceAll('"request.body.client_secret",', ''));
    expect(
      JSON.stringify(unsanitized.components.connection.academy.codes.communication!.value),
    ).not.toContain('request.body.client_secret');
    const [c] = await steps(unsanitized, [{ connect: { as: 'john' } }], {
      common: { clientSecret: 'overridden-secret-42' },
    });
    expect(JSON.stringify(c)).not.toContain('overridden-secret-42');
    expect(c.requests.at(-1)).toMatchObject({ body: { client_secret: '[REDACTED]' } });
  });

  it('a wrong client secret override fails at the token endpoint with the app error mapping', async () => {
    const [c] = await steps(app, [{ connect: { as: 'john' } }], {
      common: { clientSecret: 'wrong-secret-value' },
    });
    expect(c.status).toBe('fail');
    expect(c.error?.statusCode).toBe(401);
    expect(c.requests.at(-1)).toMatchObject({
      method: 'POST',
      status: 401,
      body: { client_secret: '[REDACTED]' },
    });
  });
});
