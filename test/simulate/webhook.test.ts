/**
 * A dedicated webhook end to end over loopback: attach registers the receiver URL with a stub
 * service, which then POSTs a verification ping and a batch; the webhook's verification/respond,
 * condition, iterate and output shape what the sender gets back and what the trigger emits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateApp } from '../../generator/simulate/index.ts';
import { makeApp, type Stub, startStub } from './helpers.ts';

let stub: Stub;
const answers: { status: number; body: string }[] = [];

beforeAll(async () => {
  stub = await startStub((r) => {
    if (r.path === '/register') {
      const { url } = JSON.parse(r.body);
      setTimeout(async () => {
        for (const payload of [
          { type: 'ping', challenge: 'c-123' },
          { type: 'batch', events: [{ id: 1 }, { id: 2, skip: true }, { id: 3 }] },
        ]) {
          const res = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(payload),
          });
          answers.push({ status: res.status, body: await res.text() });
        }
      }, 10);
      return { json: { hookId: 'h-9' } };
    }
    if (r.path === '/unregister/h-9') return { status: 204 };
    return { status: 404, json: {} };
  });
});
afterAll(() => stub.close());

const app = makeApp({
  webhooks: {
    hook: {
      webhookType: 'web',
      codes: {
        attach: {
          url: 'https://svc.test/register',
          method: 'POST',
          body: { url: '{{webhook.url}}' },
          response: { data: { id: '{{body.hookId}}' } },
        },
        detach: { url: 'https://svc.test/unregister/{{webhook.id}}', method: 'DELETE' },
        communication: {
          verification: {
            condition: "{{body.type = 'ping'}}",
            respond: { status: 202, body: { challenge: '{{body.challenge}}' } },
          },
          respond: { type: 'text', status: 200, body: 'thanks' },
          condition: "{{body.type = 'batch'}}",
          iterate: { container: '{{body.events}}', condition: '{{!item.skip}}' },
          output: { eventId: '{{item.id}}' },
        },
      },
    },
  },
  modules: { onEvent: { moduleType: 'instant_trigger', webhook: 'hook', codes: {} } },
});

describe('dedicated webhook', () => {
  it('answers the verification ping, then emits one bundle per kept item of the batch', async () => {
    const rep = await simulateApp(app, {
      embeddedApi: false,
      hostMap: { 'svc.test': stub.url },
      scenarios: [
        {
          name: 'hook',
          steps: [
            { attachWebhook: { webhook: 'hook', expect: { output: { data: { id: 'h-9' } } } } },
            {
              deliverWebhook: {
                module: 'onEvent',
                expect: { output: [{ eventId: 1 }, { eventId: 3 }], count: 2 },
              },
            },
            {
              detachWebhook: {
                webhook: 'hook',
                expect: { requests: [{ method: 'DELETE', path: '/unregister/h-9', status: 204 }] },
              },
            },
          ],
        },
      ],
    });
    const steps = rep.scenarios[0].steps;
    expect(steps.map((s) => [s.status, s.error, s.failures])).toEqual(
      steps.map(() => ['pass', undefined, []]),
    );
    expect(answers).toEqual([
      { status: 202, body: '{"challenge":"c-123"}' },
      { status: 200, body: 'thanks' },
    ]);
    const incoming = rep.scenarios[0].steps
      .flatMap((s) => s.requests)
      .filter((r) => r.component === 'webhooks.hook' && r.method === 'POST' && r.url.includes('/hook/'));
    expect(
      incoming.map((r) => [r.url.startsWith('http://webhook-receiver.invalid/hook/hook/'), r.status]),
    ).toEqual([
      [true, 202],
      [true, 200],
    ]);
  });
});
