import { notSimulatedIn } from '../../model/not-simulated.ts';
import { defineRule } from '../types.ts';
import { bundle } from './case-kit.ts';
import { academyApp, genericApp } from './shared-cases.ts';

export const structureNotSimulated = defineRule({
  id: 'structure/not-simulated',
  description: 'A request directive Make runs but `make-app simulate` does not reproduce.',
  defaultSeverity: 'info',
  docs: "Some directives change what goes over the wire in ways the simulator leaves out: `aws` with Signature Version 2 (Make's default; `sign_version: 4` is signed), the OAuth 1.0 helper `oauth`, a custom `ca` certificate, `gzip` and delegation to an `endpoint`. The app is not wrong, but a simulated run of that request differs from Make's (the simulator also warns at that step), so check it in Make itself. The list is shared with the simulator (`generator/model/not-simulated.ts`).",
  messages: {
    notSimulated: '"{directive}" is not simulated by make-app simulate: {why}; check this request in Make.',
  },
  check(ctx) {
    for (const r of ctx.analysis.requests)
      for (const [directive, why] of notSimulatedIn(r.value))
        ctx.report({
          messageId: 'notSimulated',
          data: { directive, why },
          code: r.code,
          pointer: `${r.pointer}/${directive}`,
          key: true,
          component: r.component ?? 'base',
        });
  },
  cases: {
    valid: [
      {
        name: 'AWS Signature Version 4 (signed by the simulator) and gzip switched off',
        bundle: genericApp(
          `"communication": { "url": "/objects", "gzip": false, "aws": { "key": "{{connection.apiKey}}", "secret": "{{connection.apiKey}}", "sign_version": 4 }, "response": { "iterate": "{{body.items}}", "limit": 10 } }`,
        ),
      },
    ],
    invalid: [
      {
        name: 'aws without sign_version (Version 2 in Make)',
        bundle: genericApp(
          `"communication": { "url": "/objects", /*@notSimulated*/"aws": { "key": "{{connection.apiKey}}", "secret": "{{connection.apiKey}}" }, "response": { "iterate": "{{body.items}}", "limit": 10 } }`,
        ),
      },
      {
        name: 'gzip on the base and a custom CA on a connection',
        bundle: bundle({
          base: `{ "baseUrl": "https://api.example.com", /*@notSimulated*/"gzip": true, "response": { "error": "{{body.message}}" } }`,
          connections: {
            key: `{ "label": "Key", "connectionType": "basic", "codes": { "communication": { "url": "https://api.example.com/me", /*@notSimulated*/"ca": "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----" }, "params": [{ "name": "apiKey", "type": "password", "label": "API key" }] } }`,
          },
        }),
      },
      {
        name: 'OAuth 1.0 signing helper and a request delegated to an endpoint',
        bundle: academyApp(
          `"communication": [{ "url": "/request_token", /*@notSimulated*/"oauth": { "consumer_key": "{{common.consumerKey}}", "consumer_secret": "{{common.consumerSecret}}" }, "response": { "temp": { "token": "{{body.oauth_token}}" }, "output": null } }, { /*@notSimulated*/"endpoint": "movies", "response": { "output": "{{body}}" } }], "scope": ["read"]`,
        ),
      },
    ],
  },
});
