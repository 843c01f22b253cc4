import { defineRule } from '../types.ts';
import { academyConnection, bundle, module } from './case-kit.ts';
import { declaredAt, modules } from './util.ts';

export const structureMultipleUniversalModules = defineRule({
  id: 'structure/multiple-universal-modules',
  description: 'More than one universal module ("Make an API call") in an app.',
  defaultSeverity: 'warning',
  docs: 'Make expects at most one universal module per app (per connection type at most), labelled "Make an API call". Several confuse users and usually mean a copy that should have been an action.',
  messages: {
    secondUniversal:
      '{component} is a second universal module (first: {first}); keep one "Make an API call" module.',
  },
  check(ctx) {
    const list = modules(ctx, 'universal');
    for (const f of list.slice(1))
      ctx.report({
        messageId: 'secondUniversal',
        data: { component: f.id, first: list[0].id },
        location: declaredAt(f.component),
        component: f.component,
      });
  },
  cases: {
    valid: [
      {
        name: 'one',
        bundle: bundle({
          connections: { academy: academyConnection() },
          modules: {
            makeApiCall: module(
              'universal',
              `"communication": { "url": "/{{parameters.url}}" }, "mappableParams": [{ "name": "url", "type": "text", "label": "URL" }]`,
            ),
          },
        }),
      },
    ],
    invalid: [
      {
        name: 'two',
        bundle: bundle({
          connections: { academy: academyConnection() },
          modules: {
            makeApiCall: module(
              'universal',
              `"communication": { "url": "/{{parameters.url}}" }, "mappableParams": [{ "name": "url", "type": "text", "label": "URL" }]`,
            ),
            '/*@secondUniversal*/makeApiCall2': module(
              'universal',
              `"communication": { "url": "/{{parameters.url}}" }, "mappableParams": [{ "name": "url", "type": "text", "label": "URL" }]`,
            ),
          },
        }),
      },
      {
        name: 'three universal modules (two reported)',
        bundle: bundle({
          connections: { academy: academyConnection() },
          modules: {
            apiCall: module(
              'universal',
              `"communication": { "url": "/{{parameters.url}}" }, "mappableParams": [{ "name": "url", "type": "text", "label": "URL" }]`,
            ),
            '/*@secondUniversal*/apiCallV1': module(
              'universal',
              `"communication": { "url": "/v1/{{parameters.url}}" }, "mappableParams": [{ "name": "url", "type": "text", "label": "URL" }]`,
            ),
            '/*@secondUniversal*/apiCallUpload': module(
              'universal',
              `"communication": { "url": "/upload/{{parameters.url}}", "method": "POST" }, "mappableParams": [{ "name": "url", "type": "text", "label": "URL" }]`,
            ),
          },
        }),
      },
      {
        name: 'a read-only and a write universal module',
        bundle: bundle({
          connections: { academy: academyConnection() },
          modules: {
            get: module(
              'universal',
              `"communication": { "url": "/{{parameters.url}}" }, "mappableParams": [{ "name": "url", "type": "text", "label": "URL" }]`,
            ),
            '/*@secondUniversal*/post': module(
              'universal',
              `"communication": { "url": "/{{parameters.url}}", "method": "POST", "body": "{{parameters.body}}" }, "mappableParams": [{ "name": "url", "type": "text", "label": "URL" }, { "name": "body", "type": "any", "label": "Body" }]`,
            ),
          },
        }),
      },
    ],
  },
});
