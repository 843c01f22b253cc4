import { defineRule } from '../types.ts';
import { academyApp, ID_PARAM } from './shared-cases.ts';

export const structureDuplicateParameterName = defineRule({
  id: 'structure/duplicate-parameter-name',
  description: 'Two parameters with the same name in one list.',
  defaultSeverity: 'error',
  explains: ['parameter'],
  docs: 'Parameter values are keyed by name (`parameters.<name>`); two fields with one name in the same list overwrite each other, so one of them is silently lost. Static and mappable parameters of a module share one namespace.',
  messages: {
    duplicate:
      'Parameter name "{name}" is used twice in {component}; values are keyed by name, so one is lost.',
  },
  check(ctx) {
    for (const f of ctx.analysis.components) {
      // inputs (static + mappable share one namespace) and outputs are checked separately
      for (const list of [f.parameters.all, f.outputs?.all ?? []]) {
        const seen = new Set<string>();
        for (const p of list) {
          if (!p.name || p.name.includes('{{')) continue;
          const direct = p.level === '';
          if (p.topLevel && !direct) continue; // nested fields may repeat per option on purpose
          const key = direct ? p.name : `${p.code.file}${p.code.basePointer}#${p.level}:${p.name}`;
          if (seen.has(key))
            ctx.report({
              messageId: 'duplicate',
              data: { name: p.name, component: f.id },
              code: p.code,
              pointer: `${p.pointer}/name`,
              component: f.component,
            });
          seen.add(key);
        }
      }
    }
  },
  cases: {
    valid: [
      {
        name: 'distinct',
        bundle: academyApp(
          `"communication": { "url": "/movies/{{parameters.id}}?x={{parameters.name}}" }, "mappableParams": [{ "name": "id", "type": "text", "label": "ID" }, { "name": "name", "type": "text", "label": "Name" }], "scope": ["read"]`,
        ),
      },
    ],
    invalid: [
      {
        name: 'static and mappable share a name',
        bundle: academyApp(
          `"communication": { "url": "/movies/{{parameters.id}}" }, "staticParams": [{ "name": "id", "type": "text", "label": "ID" }], "mappableParams": [{ "name": /*@duplicate*/ "id", "type": "text", "label": "ID" }], "scope": ["read"]`,
        ),
      },
      {
        name: 'the same mappable field pasted twice',
        bundle: academyApp(
          `"communication": { "url": "/movies", "method": "POST", "body": { "title": "{{parameters.title}}" } }, "mappableParams": [{ "name": "title", "type": "text", "label": "Title" }, { "name": /*@duplicate*/ "title", "type": "text", "label": "Original title" }], "scope": ["write"]`,
        ),
      },
      {
        name: 'an interface field listed twice',
        bundle: academyApp(
          `"communication": { "url": "/movies/{{parameters.id}}" }, ${ID_PARAM}, "interface": [{ "name": "id", "type": "text", "label": "ID" }, { "name": "title", "type": "text", "label": "Title" }, { "name": /*@duplicate*/ "id", "type": "uinteger", "label": "Movie ID" }], "scope": ["read"]`,
        ),
      },
    ],
  },
});
