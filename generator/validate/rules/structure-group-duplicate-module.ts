import { defineRule } from '../types.ts';
import { academyConnection, bundle, module } from './case-kit.ts';
import { groupEntries } from './groups-util.ts';
import { groupedApp } from './shared-cases.ts';

export const structureGroupDuplicateModule = defineRule({
  id: 'structure/group-duplicate-module',
  description: 'A module listed more than once in `groups`.',
  defaultSeverity: 'error',
  docs: 'Each module belongs to exactly one group in the module picker (Make\'s review: "groups list each module once"). A second listing is a copy-paste mistake.',
  messages: {
    listedAgain: 'Module "{name}" is listed again (first in group "{group}"); list each module once.',
  },
  check(ctx) {
    const g = groupEntries(ctx);
    if (!g) return;
    const seen = new Map<string, string>();
    for (const e of g.entries) {
      const first = seen.get(e.name);
      if (first !== undefined)
        ctx.report({
          messageId: 'listedAgain',
          data: { name: e.name, group: first },
          code: g.code,
          pointer: e.pointer,
          component: 'groups',
        });
      else seen.set(e.name, e.group);
    }
  },
  cases: {
    valid: [
      {
        name: 'once',
        bundle: bundle({
          groups: `[{ "label": "Movies", "modules": ["getMovie"] }]`,
          connections: { academy: academyConnection() },
          modules: { getMovie: module('action', `"communication": { "url": "/about" }, "scope": ["read"]`) },
        }),
      },
    ],
    invalid: [
      {
        name: 'twice',
        bundle: bundle({
          groups: `[{ "label": "Movies", "modules": ["getMovie"] }, { "label": "Other", "modules": [/*@listedAgain*/ "getMovie"] }]`,
          connections: { academy: academyConnection() },
          modules: { getMovie: module('action', `"communication": { "url": "/about" }, "scope": ["read"]`) },
        }),
      },
      {
        name: 'listed twice in the same group',
        bundle: groupedApp(
          `[{ "label": "Movies", "modules": ["getMovie", "listMovies", /*@listedAgain*/ "getMovie"] }]`,
        ),
      },
      {
        name: 'every module repeated in an "All" group',
        bundle: groupedApp(
          `[{ "label": "Read", "modules": ["getMovie", "listMovies"] }, { "label": "All", "modules": [/*@listedAgain*/ "getMovie", /*@listedAgain*/ "listMovies"] }]`,
        ),
      },
    ],
  },
});
