import { defineRule } from '../types.ts';
import { academyApp } from './shared-cases.ts';
import { modules, responseOf } from './util.ts';

export const structureTriggerMissingTrigger = defineRule({
  id: 'structure/trigger-missing-trigger',
  description: 'A polling trigger without `response.trigger` (id, type, order).',
  defaultSeverity: 'error',
  explains: ['section-missing'],
  docs: 'A polling trigger remembers what it has already seen through `response.trigger`: `type` (`id` or `date`), `order` (`asc`, `desc`, `unordered`) and the `id` (and `date`) expressions per item. Without it Make cannot tell new items from old ones, and the module is rejected.',
  messages: {
    noTrigger:
      'Polling trigger {component} has no response.trigger; add { "id": "{{item.id}}", "type": "id"|"date", "order": "desc" }.',
  },
  check(ctx) {
    for (const f of modules(ctx, 'trigger')) {
      const comm = f.requests.filter((r) => r.code.codeType === 'communication');
      if (comm.length === 0 || comm.some((r) => responseOf(r)?.trigger !== undefined)) continue;
      const last = comm[comm.length - 1];
      ctx.report({
        messageId: 'noTrigger',
        data: { component: f.id },
        code: last.code,
        pointer: responseOf(last) ? `${last.pointer}/response` : last.pointer,
        component: f.component,
      });
    }
  },
  cases: {
    valid: [
      {
        name: 'trigger present',
        bundle: academyApp(
          `"communication": { "url": "/movies", "response": { "iterate": "{{body.movies}}", "trigger": { "id": "{{item.id}}", "type": "date", "date": "{{item.createdAt}}", "order": "asc" } } }, "epoch": { "response": { "output": { "label": "{{item.name}}", "date": "{{item.createdAt}}" } } }, "scope": ["read"]`,
          'trigger',
        ),
      },
    ],
    invalid: [
      {
        name: 'no trigger',
        bundle: academyApp(
          `"communication": { "url": "/movies", "response": /*@noTrigger*/ { "iterate": "{{body.movies}}" } }, "scope": ["read"]`,
          'trigger',
        ),
      },
      {
        name: 'a trigger without any response block',
        bundle: academyApp(
          `"communication": /*@noTrigger*/ { "url": "/movies" }, "scope": ["read"]`,
          'trigger',
        ),
      },
      {
        name: 'trigger over two requests, the last without trigger',
        bundle: academyApp(
          `"communication": [{ "url": "/me", "response": { "temp": { "id": "{{body.id}}" }, "output": null } }, { "url": "/users/{{temp.id}}/movies", "response": /*@noTrigger*/ { "iterate": "{{body.movies}}", "limit": 10 } }], "scope": ["read"]`,
          'trigger',
        ),
      },
    ],
  },
});
