import { defineRule } from '../types.ts';
import { academyConnection, bundle, module } from './case-kit.ts';
import { declaredAt, modules } from './util.ts';

export const structureMissingDescription = defineRule({
  id: 'structure/missing-description',
  description: 'A module without a description.',
  defaultSeverity: 'warning',
  explains: ['section-missing'],
  docs: 'Make\'s review checklist (BP-001) wants every module described by a template sentence: "Triggers when…" for triggers, "Creates/Updates/Deletes…" for actions, "Returns…" / "Searches for…" for searches. The description is shown under the module name in the editor.',
  messages: {
    noDescription:
      '{component} has no description; describe what it does ("Returns…", "Creates…", "Triggers when…").',
  },
  check(ctx) {
    for (const f of modules(ctx)) {
      if (typeof f.component.description === 'string' && f.component.description.trim() !== '') continue;
      if (f.component.metadataOutside) continue; // set in Make's UI; the layout has no place for it
      ctx.report({
        messageId: 'noDescription',
        data: { component: f.id },
        location: declaredAt(f.component),
        component: f.component,
      });
    }
  },
  cases: {
    valid: [
      {
        name: 'described',
        bundle: bundle({
          connections: { academy: academyConnection() },
          modules: { getMovie: module('action', `"communication": { "url": "/about" }, "scope": ["read"]`) },
        }),
      },
    ],
    invalid: [
      {
        name: 'no description',
        bundle: bundle({
          connections: { academy: academyConnection() },
          modules: {
            '/*@noDescription*/getMovie': `{ "label": "Get a movie", "moduleType": "action", "connection": "academy", "codes": { "communication": { "url": "/about" } } }`,
          },
        }),
      },
      {
        name: 'a blank description on a search',
        bundle: bundle({
          connections: { academy: academyConnection() },
          modules: {
            '/*@noDescription*/listMovies': `{ "label": "List movies", "description": "  ", "moduleType": "search", "connection": "academy", "codes": { "communication": { "url": "/movies", "response": { "iterate": "{{body.movies}}" } } } }`,
          },
        }),
      },
      {
        name: 'a trigger without description next to a described action',
        bundle: bundle({
          connections: { academy: academyConnection() },
          modules: {
            getMovie: module('action', `"communication": { "url": "/movies/1" }, "scope": ["read"]`),
            '/*@noDescription*/watchMovies': `{ "label": "Watch movies", "moduleType": "trigger", "connection": "academy", "codes": { "communication": { "url": "/movies" } } }`,
          },
        }),
      },
    ],
  },
});
