/**
 * Request directives the simulator does not reproduce are reported as step warnings, never
 * skipped silently; `aws` with `sign_version: "4"` is signed (AWS Signature Version 4).
 * Directive list: https://developers.make.com/custom-apps-documentation/component-blocks/api
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateApp } from '../../generator/simulate/index.ts';
import { makeApp, type Stub, startStub } from './helpers.ts';

let stub: Stub;
beforeAll(async () => {
  stub = await startStub(() => ({ json: { ok: true } }));
});
afterAll(() => stub.close());

async function runAction(communication: Record<string, unknown>) {
  const app = makeApp({
    base: { baseUrl: 'https://api.test' },
    modules: { m: { moduleType: 'action', codes: { communication } } },
  });
  stub.seen.length = 0;
  const rep = await simulateApp(app, {
    scenarios: [{ name: 't', steps: [{ run: { module: 'm' } }] }],
    embeddedApi: false,
    hostMap: { 'api.test': stub.url },
  });
  return rep.scenarios[0].steps[0];
}

describe('directives the simulator does not reproduce', () => {
  it.each([
    ['gzip', { gzip: true }],
    ['ca', { ca: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----' }],
    ['oauth', { oauth: { consumer_key: 'k', consumer_secret: 's' } }],
    ['aws', { aws: { key: 'AKID', secret: 'shh' } }],
  ])('%s gives a step warning naming the directive', async (directive, extra) => {
    const step = await runAction({ url: '/thing', ...extra });
    expect(step.warnings).toEqual([expect.stringContaining(`"${directive}" is not simulated`)]);
  });

  it('a request without such directives has no warnings', async () => {
    const step = await runAction({ url: '/thing', gzip: false });
    expect(step.warnings).toBeUndefined();
  });
});

describe('aws sign_version 4', () => {
  it('signs with the key, region and service, dated by the simulated clock', async () => {
    const step = await runAction({
      url: '/thing',
      aws: { key: 'AKIDEXAMPLE', secret: 'secret', sign_version: '4', region: 'eu-west-1', service: 's3' },
    });
    expect(step.warnings).toBeUndefined();
    const auth = stub.seen[0].headers.authorization ?? '';
    const day = step.clock.slice(0, 10).replace(/-/g, '');
    expect(auth).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/${day}/eu-west-1/s3/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$`,
      ),
    );
    expect(stub.seen[0].headers['x-amz-date']).toMatch(new RegExp(`^${day}T\\d{6}Z$`));
  });
});
