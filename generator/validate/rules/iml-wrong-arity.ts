import { BUILTIN_FUNCTIONS } from '../../iml/index.ts';
import { defineRule } from '../types.ts';
import { academyApp, ID_PARAM } from './shared-cases.ts';

export const imlWrongArity = defineRule({
  id: 'iml/wrong-arity',
  description: 'A built-in IML function called with too few or too many arguments.',
  defaultSeverity: 'error',
  docs: "Each built-in function takes a fixed range of arguments (e.g. `formatDate(date, format, [timezone])`). Calling it with another count is an error at run time or silently ignores arguments. Check the function's signature; remember IML in apps separates arguments with commas, not semicolons.",
  messages: {
    wrongArity: '{name}() takes {expected} argument(s) but is called with {actual}.',
  },
  check(ctx) {
    for (const s of ctx.analysis.strings)
      for (const f of s.analysis.functions) {
        if ((f as { qualified?: boolean }).qualified) continue;
        const spec = BUILTIN_FUNCTIONS.get(f.name);
        if (!spec || ctx.analysis.customFunctions.has(f.name)) continue;
        if (f.arity >= spec.minArity && f.arity <= spec.maxArity) continue;
        const want =
          spec.minArity === spec.maxArity
            ? `${spec.minArity}`
            : spec.maxArity === Number.POSITIVE_INFINITY
              ? `at least ${spec.minArity}`
              : `${spec.minArity}–${spec.maxArity}`;
        ctx.report({
          messageId: 'wrongArity',
          data: { name: f.name, expected: want, actual: f.arity },
          code: s.code,
          pointer: s.pointer,
          key: s.inKey,
          offsetInString: f.offset,
          length: f.length,
          component: s.component ?? 'base',
        });
      }
  },
  cases: {
    valid: [
      {
        name: 'right argument counts',
        bundle: academyApp(
          `"communication": { "url": "/movies/{{ifempty(parameters.id, 'x')}}", "response": { "output": "{{body}}" } }, ${ID_PARAM}, "scope": ["read"]`,
        ),
      },
    ],
    invalid: [
      {
        name: 'ifempty with one argument',
        bundle: academyApp(
          `"communication": { "url": /*@wrongArity"ifempty("*/ "/movies/{{ifempty(parameters.id)}}", "response": { "output": "{{body}}" } }, ${ID_PARAM}, "scope": ["read"]`,
        ),
      },
      {
        name: 'replace without the replacement',
        bundle: academyApp(
          `"communication": { "url": "/movies/{{parameters.id}}", "response": { "output": { "slug": /*@wrongArity"replace("*/ "{{replace(body.title, ' ')}}" } } }, ${ID_PARAM}, "scope": ["read"]`,
        ),
      },
      {
        name: 'get with only the object',
        bundle: academyApp(
          `"communication": { "url": "/movies/{{parameters.id}}", "response": { "output": /*@wrongArity"get("*/ "{{get(body)}}" } }, ${ID_PARAM}, "scope": ["read"]`,
        ),
      },
    ],
  },
});
