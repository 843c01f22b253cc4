import { defineRule } from '../types.ts';
import { academyConnection, bundle, module } from './case-kit.ts';
import { groupEntries } from './groups-util.ts';
import { declaredAt, modules } from './util.ts';

export const structureModuleNotInGroup = defineRule({
  id: 'structure/module-not-in-group',
  description: 'The app has groups but a module is in none of them.',
  defaultSeverity: 'warning',
  docs: 'When an app defines groups, modules outside every group are hard to find in the module picker. Add each module to one group (triggers first, then actions in CRUD order, searches, "Other" last — BP-010).',
  messages: {
    notInGroup: 'Module {name} is in no group; add it to one.',
  },
  check(ctx) {
    const g = groupEntries(ctx);
    if (!g || g.entries.length === 0) return;
    const listed = new Set(g.entries.map((e) => e.name));
    for (const f of modules(ctx))
      if (!listed.has(f.component.name))
        ctx.report({
          messageId: 'notInGroup',
          data: { name: f.component.name },
          location: declaredAt(f.component),
          component: f.component,
        });
  },
  cases: {
    valid: [
      {
        name: 'grouped',
        bundle: bundle({
          groups: `[{ "label": "Movies", "modules": ["getMovie"] }]`,
          connections: { academy: academyConnection() },
          modules: { getMovie: module('action', `"communication": { "url": "/about" }, "scope": ["read"]`) },
        }),
      },
    ],
    invalid: [
      {
        name: 'ungrouped',
        bundle: bundle({
          groups: `[{ "label": "Movies", "modules": ["getMovie"] }]`,
          connections: { academy: academyConnection() },
          modules: {
            getMovie: module('action', `"communication": { "url": "/about" }, "scope": ["read"]`),
            '/*@notInGroup*/getAbout': module(
              'action',
              `"communication": { "url": "/about" }, "scope": ["read"]`,
            ),
          },
        }),
      },
      {
        name: 'a new module added after the groups were written',
        bundle: bundle({
          connections: { academy: academyConnection() },
          groups: `[{ "label": "Movies", "modules": ["getMovie"] }]`,
          modules: {
            getMovie: module('action', `"communication": { "url": "/movies/1" }, "scope": ["read"]`),
            '/*@notInGroup*/listMovies': module(
              'search',
              `"communication": { "url": "/movies", "response": { "iterate": "{{body.movies}}" } }, "scope": ["read"]`,
            ),
          },
        }),
      },
      {
        name: 'the universal module left out of every group',
        bundle: bundle({
          connections: { academy: academyConnection() },
          groups: `[{ "label": "Movies", "modules": ["getMovie"] }, { "label": "Other", "modules": [] }]`,
          modules: {
            getMovie: module('action', `"communication": { "url": "/movies/1" }, "scope": ["read"]`),
            '/*@notInGroup*/makeApiCall': module(
              'universal',
              `"communication": { "url": "/{{parameters.url}}" }, "mappableParams": [{ "name": "url", "type": "text", "label": "URL" }]`,
            ),
          },
        }),
      },
    ],
  },
});
