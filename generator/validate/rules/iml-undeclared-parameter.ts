import { defineRule } from '../types.ts';
import { academyApp, ID_PARAM } from './shared-cases.ts';

export const imlUndeclaredParameter = defineRule({
  id: 'iml/undeclared-parameter',
  description: '`parameters.x` read but no parameter named `x` is declared.',
  defaultSeverity: 'error',
  explains: ['reference', 'parameter'],
  docs: "A module reads `parameters.<name>` from its static parameters and mappable parameters (including nested fields); a connection or webhook from its own parameters. A name that is declared nowhere is always empty — usually a typo or a renamed field. Components with dynamic fields (`rpc://` in the parameter list) are not checked, and neither are RPCs (they receive the calling module's parameters).",
  messages: {
    undeclared:
      '`{root}.{name}` is read but {component} declares no parameter "{name}" (declared: {declared}).',
    noneDeclared: '`{root}.{name}` is read but {component} declares no parameter "{name}".',
  },
  check(ctx) {
    for (const f of ctx.analysis.components) {
      if (f.component.kind === 'rpc' || f.component.kind === 'function' || f.parameters.open) continue;
      for (const s of f.strings) {
        if (!s.available.has('parameters')) continue;
        for (const v of s.analysis.variables) {
          const roots = s.scope.context === 'webhook' ? ['parameters', 'data'] : ['parameters'];
          if (!roots.includes(v.path[0]) || v.path.length < 2) continue;
          const name = v.path[1];
          if (f.parameters.names.has(name)) continue;
          ctx.report({
            messageId: f.parameters.names.size ? 'undeclared' : 'noneDeclared',
            data: {
              root: v.path[0],
              name,
              component: f.id,
              declared: [...f.parameters.names].slice(0, 8).join(', '),
            },
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
        name: 'declared mappable parameter',
        bundle: academyApp(
          `"communication": { "url": "/movies/{{parameters.id}}" }, ${ID_PARAM}, "scope": ["read"]`,
        ),
      },
      {
        name: 'nested field of a select option',
        bundle: academyApp(
          `"communication": { "url": "/movies/{{parameters.id}}" }, "mappableParams": [{ "name": "mode", "type": "select", "label": "Mode", "options": [{ "label": "By ID", "value": "id", "nested": [{ "name": "id", "type": "text", "label": "ID" }] }] }], "scope": ["read"]`,
        ),
      },
    ],
    invalid: [
      {
        name: 'after JSON escapes in the same string (caret maps decoded offsets back to the file)',
        bundle: academyApp(
          `"communication": { "url": "/movies", "qs": { "q": /*@undeclared"parameters.title"*/ "na\\u00efve \\"quoted\\" \\t {{parameters.title}}" } }, ${ID_PARAM}, "scope": ["read"]`,
        ),
      },
      {
        name: 'a typo in the parameter name',
        bundle: academyApp(
          `"communication": { "url": /*@undeclared"parameters.movieId"*/ "/movies/{{parameters.movieId}}" }, ${ID_PARAM}, "scope": ["read"]`,
        ),
      },
      {
        name: 'a module that declares no parameters reads one',
        bundle: academyApp(
          `"communication": { "url": "/movies", "qs": { "q": /*@noneDeclared"parameters.query"*/ "{{parameters.query}}" } }, "scope": ["read"]`,
        ),
      },
    ],
  },
});
