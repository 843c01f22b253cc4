import { defineRule } from '../types.ts';
import { academyConnection, bundle, module } from './case-kit.ts';
import { academyApp } from './shared-cases.ts';
import { declaredAt, modules } from './util.ts';

export const structureTriggerMissingEpoch = defineRule({
  id: 'structure/trigger-missing-epoch',
  description: 'A polling trigger without an `epoch` section ("Choose where to start").',
  defaultSeverity: 'warning',
  explains: ['section-missing'],
  docs: 'The epoch section feeds the "Choose where to start" dialog of a polling trigger (all, since a date, from now on, choose manually). Without it users cannot pick a starting point and the first run behaves unpredictably. Output `{ "label", "date" }` per item.',
  messages: {
    noEpoch: 'Polling trigger {component} has no epoch section; add one so users can choose where to start.',
  },
  check(ctx) {
    for (const f of modules(ctx, 'trigger')) {
      if (f.component.codes.epoch) continue;
      ctx.report({
        messageId: 'noEpoch',
        data: { component: f.id },
        location: declaredAt(f.component),
        component: f.component,
      });
    }
  },
  cases: {
    valid: [
      {
        name: 'epoch present',
        bundle: academyApp(
          `"communication": { "url": "/movies", "response": { "iterate": "{{body.movies}}", "trigger": { "id": "{{item.id}}", "type": "id", "order": "asc" } } }, "epoch": { "response": { "output": { "label": "{{item.name}}", "date": "{{item.createdAt}}" } } }, "scope": ["read"]`,
          'trigger',
        ),
      },
    ],
    invalid: [
      {
        name: 'no epoch',
        bundle: academyApp(
          `"communication": { "url": "/movies", "response": { "iterate": "{{body.movies}}", "trigger": { "id": "{{item.id}}", "type": "id", "order": "asc" } } }, "scope": ["read"]`,
          'trigger',
        ).replace('"caseModule":', '/*@noEpoch*/"caseModule":'),
      },
      {
        name: 'a date trigger without epoch',
        bundle: academyApp(
          `"communication": { "url": "/movies", "response": { "iterate": "{{body.movies}}", "trigger": { "id": "{{item.id}}", "date": "{{item.createdAt}}", "type": "date", "order": "desc" } } }, "scope": ["read"]`,
          'trigger',
        ).replace('"caseModule":', '/*@noEpoch*/"caseModule":'),
      },
      {
        name: 'two triggers, one with epoch',
        bundle: bundle({
          connections: { academy: academyConnection() },
          modules: {
            watchMovies: module(
              'trigger',
              `"communication": { "url": "/movies", "response": { "iterate": "{{body.movies}}", "trigger": { "id": "{{item.id}}", "type": "id", "order": "desc" } } }, "epoch": { "url": "/movies", "response": { "iterate": "{{body.movies}}", "output": { "label": "{{item.title}}", "date": "{{item.createdAt}}" } } }`,
            ),
            '/*@noEpoch*/watchReviews': module(
              'trigger',
              `"communication": { "url": "/reviews", "response": { "iterate": "{{body.reviews}}", "trigger": { "id": "{{item.id}}", "type": "id", "order": "desc" } } }`,
            ),
          },
        }),
      },
    ],
  },
});
