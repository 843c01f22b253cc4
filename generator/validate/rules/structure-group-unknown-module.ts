import { defineRule } from '../types.ts';
import { academyConnection, bundle, module } from './case-kit.ts';
import { groupEntries } from './groups-util.ts';
import { groupedApp } from './shared-cases.ts';

export const structureGroupUnknownModule = defineRule({
  id: 'structure/group-unknown-module',
  description: '`groups` lists a module the app does not have.',
  defaultSeverity: 'error',
  explains: ['reference'],
  docs: "Groups order the modules in the editor's module picker. A name that matches no module (a typo, a renamed or deleted module) is ignored by Make and usually means another module is missing from its group.",
  messages: {
    unknownModule: 'Group "{group}" lists module "{name}", which does not exist.',
  },
  check(ctx) {
    const g = groupEntries(ctx);
    if (!g) return;
    for (const e of g.entries)
      if (!ctx.analysis.component('module', e.name))
        ctx.report({
          messageId: 'unknownModule',
          data: { group: e.group, name: e.name },
          code: g.code,
          pointer: e.pointer,
          component: 'groups',
        });
  },
  cases: {
    valid: [
      {
        name: 'known',
        bundle: bundle({
          groups: `[{ "label": "Movies", "modules": ["getMovie"] }]`,
          connections: { academy: academyConnection() },
          modules: { getMovie: module('action', `"communication": { "url": "/about" }, "scope": ["read"]`) },
        }),
      },
    ],
    invalid: [
      {
        name: 'typo',
        bundle: bundle({
          groups: `[{ "label": "Movies", "modules": ["getMovie", /*@unknownModule*/ "getMovies"] }]`,
          connections: { academy: academyConnection() },
          modules: { getMovie: module('action', `"communication": { "url": "/about" }, "scope": ["read"]`) },
        }),
      },
      {
        name: 'a module removed from the app but left in its group',
        bundle: groupedApp(
          `[{ "label": "Movies", "modules": ["getMovie", /*@unknownModule*/ "deleteMovie"] }]`,
        ),
      },
      {
        name: 'a group naming modules by label instead of id',
        bundle: groupedApp(
          `[{ "label": "Movies", "modules": [/*@unknownModule*/ "Get a movie", "listMovies"] }]`,
        ),
      },
    ],
  },
});
