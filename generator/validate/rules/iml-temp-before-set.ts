import { tempSetBefore } from '../analysis/index.ts';
import { defineRule } from '../types.ts';
import { academyApp, ID_PARAM } from './shared-cases.ts';

export const imlTempBeforeSet = defineRule({
  id: 'iml/temp-before-set',
  description: '`temp.x` read before anything sets it (or never set at all).',
  defaultSeverity: 'error',
  docs: 'Within a request, `temp` runs first, then the request directives, then the response; `response.temp` is merged after the response is parsed; later requests of an array (and later OAuth2 sections) see what earlier ones set. Siblings inside one `temp` block cannot see each other. Reading `temp.x` before the block that sets it is always empty. Move the value into an earlier `temp` (or `response.temp`) or read it later.',
  messages: {
    readBeforeSet:
      '`temp.{key}` is read before it is set (it is set later, in a following step of {component}); set it in an earlier temp block.',
    neverSet: '`temp.{key}` is never set in {component}; set it with a temp or response.temp directive.',
  },
  check(ctx) {
    for (const f of ctx.analysis.components) {
      if (f.temp.open) continue;
      for (const s of f.strings) {
        const lenient =
          s.section === 'refresh' || s.section === 'invalidate' || f.component.kind === 'webhook';
        for (const v of s.analysis.variables) {
          if (v.path[0] !== 'temp' || v.path.length < 2) continue;
          const key = v.path[1];
          const sets = f.temp.keys.get(key);
          const ok = sets !== undefined && (lenient || tempSetBefore(f.temp, key, s.order));
          if (ok) continue;
          ctx.report({
            messageId: sets ? 'readBeforeSet' : 'neverSet',
            data: { key, component: f.id },
            code: s.code,
            pointer: s.pointer,
            key: s.inKey,
            offsetInString: v.offset,
            length: v.length,
            component: f.component,
          });
        }
      }
    }
  },
  cases: {
    valid: [
      {
        name: "an epoch reads the temp its own request sets, and the trigger's response.temp",
        bundle: academyApp(
          `"communication": { "url": "/movies", "response": { "temp": { "seen": "{{body.page}}" }, "iterate": "{{body.movies}}", "trigger": { "id": "{{item.id}}", "type": "id", "order": "asc" } } },
          "epoch": { "temp": { "since": "2020-01-01" }, "url": "/movies?since={{temp.since}}&p={{temp.seen}}", "response": { "output": { "label": "{{item.name}}", "date": "{{item.createdAt}}" } } }, "scope": ["read"]`,
          'trigger',
        ),
      },
      {
        name: 'response.temp of the first request read by the second',
        bundle: academyApp(
          `"communication": [{ "url": "/movies/{{parameters.id}}", "response": { "temp": { "movie": "{{body}}" }, "output": null } }, { "url": "/awards/{{temp.movie.id}}", "response": { "output": "{{body}}" } }], ${ID_PARAM}, "scope": ["read"]`,
        ),
      },
    ],
    invalid: [
      {
        name: 'read in the request that sets it in response.temp, and never set',
        bundle: academyApp(
          `"communication": { "url": /*@readBeforeSet"temp.movieId"*/ "/movies/{{temp.movieId}}", "qs": { "x": /*@neverSet"temp.nothing"*/ "{{temp.nothing}}" }, "response": { "temp": { "movieId": "{{body.id}}" } } }, ${ID_PARAM}, "scope": ["read"]`,
        ),
      },
      {
        name: 'the first request of an array reads a cursor the second one stores',
        bundle: academyApp(
          `"communication": [{ "url": /*@readBeforeSet"temp.cursor"*/ "/movies?after={{temp.cursor}}", "response": { "output": null } }, { "url": "/movies", "response": { "temp": { "cursor": "{{body.next}}" }, "output": "{{body}}" } }], "scope": ["read"]`,
        ),
      },
      {
        name: 'a misspelt temp key',
        bundle: academyApp(
          `"communication": [{ "url": "/me", "response": { "temp": { "accountId": "{{body.account.id}}" }, "output": null } }, { "url": /*@neverSet"temp.acountId"*/ "/accounts/{{temp.acountId}}/movies", "response": { "output": "{{body}}" } }], "scope": ["read"]`,
        ),
      },
    ],
  },
});
