import { defineRule } from '../types.ts';
import { ACADEMY_BASE, academyConnection, bundle, module } from './case-kit.ts';
import { declaredAt } from './util.ts';

export const structureUnknownReference = defineRule({
  id: 'structure/unknown-reference',
  description:
    "A component's `connection`, `altConnection` or `webhook` names a component the app does not have.",
  defaultSeverity: 'error',
  explains: ['reference'],
  docs: 'Modules, RPCs and webhooks link to a connection by name (and instant triggers to a webhook). A dangling name — a renamed or deleted connection — leaves the component without credentials, so every request fails with 401.',
  messages: {
    unknownTarget: '{component} has {field} "{name}", but the app has no {kind} of that name.',
  },
  check(ctx) {
    for (const f of ctx.analysis.components) {
      const c = f.component;
      const refs: [string, 'connection' | 'webhook', string | null | undefined][] = [
        ['connection', 'connection', c.connection],
        ['altConnection', 'connection', c.altConnection],
      ];
      if (c.kind === 'module' && c.moduleType !== 'instant_trigger')
        refs.push(['webhook', 'webhook', c.webhook]);
      for (const [field, kind, name] of refs)
        if (name && !ctx.analysis.component(kind, name))
          ctx.report({
            messageId: 'unknownTarget',
            data: { component: f.id, field, name, kind },
            location: declaredAt(c),
            component: c,
          });
    }
  },
  cases: {
    valid: [
      {
        name: 'no links',
        bundle: bundle({
          base: ACADEMY_BASE,
          modules: {
            about: module('action', `"communication": { "url": "/about" }`).replace(
              '"connection": "academy"',
              '"connection": null',
            ),
          },
        }),
      },
    ],
    invalid: [
      {
        name: 'dangling connection',
        bundle: bundle({
          base: ACADEMY_BASE,
          modules: { '/*@unknownTarget*/about': module('action', `"communication": { "url": "/about" }`) },
        }),
      },
      {
        name: 'an altConnection that does not exist',
        bundle: bundle({
          connections: { academy: academyConnection() },
          modules: {
            '/*@unknownTarget*/about': module(
              'action',
              `"communication": { "url": "/about" }`,
              ', "altConnection": "academy2"',
            ),
          },
        }),
      },
      {
        name: 'a search module naming a webhook the app lacks',
        bundle: bundle({
          connections: { academy: academyConnection() },
          modules: {
            '/*@unknownTarget*/listMovies': module(
              'search',
              `"communication": { "url": "/movies", "response": { "iterate": "{{body.movies}}" } }`,
              ', "webhook": "movies"',
            ),
          },
        }),
      },
    ],
  },
});
