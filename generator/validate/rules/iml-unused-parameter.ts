import { defineRule } from '../types.ts';
import { academyApp, ID_PARAM } from './shared-cases.ts';
import { modules } from './util.ts';

export const imlUnusedParameter = defineRule({
  id: 'iml/unused-parameter',
  description: 'A module parameter that no IML of the module (or base) ever reads.',
  defaultSeverity: 'info',
  explains: ['parameter', 'request-field'],
  docs: 'A parameter the communication never reads is shown to users but has no effect — often a field renamed in the communication but not in the parameter list. Modules that pass `parameters` whole (`"body": "{{parameters}}"`, spreads, `omit(parameters, ...)`) are not checked.',
  messages: {
    unused: 'Parameter "{name}" of {component} is never read by its communication.',
  },
  check(ctx) {
    const baseReads = new Set(
      ctx.analysis.baseStrings.flatMap((s) =>
        s.analysis.variables.filter((v) => v.path[0] === 'parameters').map((v) => v.path[1] ?? '*'),
      ),
    );
    if (baseReads.has('*')) return;
    for (const f of modules(ctx, 'action', 'search', 'trigger', 'universal')) {
      if (f.parameters.open || f.strings.length === 0) continue;
      const reads = new Set(baseReads);
      for (const s of f.strings)
        for (const v of s.analysis.variables) if (v.path[0] === 'parameters') reads.add(v.path[1] ?? '*');
      if (reads.has('*')) continue;
      for (const p of f.parameters.all)
        if (
          p.topLevel &&
          p.level === '' &&
          p.name &&
          !reads.has(p.name) &&
          p.type !== 'banner' &&
          p.type !== 'hidden'
        )
          ctx.report({
            messageId: 'unused',
            data: { name: p.name, component: f.id },
            code: p.code,
            pointer: `${p.pointer}/name`,
            component: f.component,
          });
    }
  },
  cases: {
    valid: [
      {
        name: 'read',
        bundle: academyApp(
          `"communication": { "url": "/movies/{{parameters.id}}" }, ${ID_PARAM}, "scope": ["read"]`,
        ),
      },
    ],
    invalid: [
      {
        name: 'unused',
        bundle: academyApp(
          `"communication": { "url": "/movies/{{parameters.id}}" }, "mappableParams": [{ "name": "id", "type": "text", "label": "ID" }, { "name": /*@unused*/ "title", "type": "text", "label": "Title" }], "scope": ["read"]`,
        ),
      },
      {
        name: 'a static select never sent',
        bundle: academyApp(
          `"communication": { "url": "/movies", "response": { "iterate": "{{body.movies}}" } }, "staticParams": [{ "name": /*@unused*/ "format", "type": "select", "label": "Format", "options": [{ "label": "JSON", "value": "json" }] }], "scope": ["read"]`,
          'search',
        ),
      },
      {
        name: 'one of several fields of a create body left out',
        bundle: academyApp(
          `"communication": { "url": "/movies", "method": "POST", "body": { "title": "{{parameters.title}}" } }, "mappableParams": [{ "name": "title", "type": "text", "label": "Title" }, { "name": /*@unused*/ "year", "type": "uinteger", "label": "Year" }], "scope": ["write"]`,
        ),
      },
    ],
  },
});
