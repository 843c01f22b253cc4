import { defineRule } from '../types.ts';
import { academyApp, ID_PARAM } from './shared-cases.ts';

const module = (url: string) =>
  academyApp(
    `"communication": { "url": ${url}, "response": { "output": "{{body}}" } }, ${ID_PARAM}, "scope": ["read"]`,
  );

export const imlWrongArgumentType = defineRule({
  id: 'iml/wrong-argument-type',
  description:
    'A literal or a built-in result passed to a built-in function where its declared type cannot fit.',
  defaultSeverity: 'error',
  docs: "Every built-in declares its parameter types (`formatDate(date: date, format?: text, timezone?: text): text`). A literal of another type (`formatDate(123, 'X')`, `addDays('x', 1)`, `length(1)`), or the result of a built-in that returns another type (`addDays(length(x), 1)`), fails at run time or silently computes something else. Only what is known before running counts: variables and custom functions are never reported. The message names the parameter and the expected type.",
  messages: {
    wrongType: '{name}() expects {expected} for `{param}`, got {given}.',
  },
  check(ctx) {
    for (const s of ctx.analysis.strings)
      for (const f of s.analysis.functions) {
        if (f.qualified || ctx.analysis.customFunctions.has(f.name)) continue;
        for (const problem of f.argumentTypeErrors)
          ctx.report({
            messageId: 'wrongType',
            data: {
              name: f.name,
              expected: problem.expected.join(' | '),
              param: problem.param,
              given: problem.given,
            },
            code: s.code,
            pointer: s.pointer,
            key: s.inKey,
            offsetInString: problem.offset,
            length: problem.length,
            component: s.component ?? 'base',
          });
      }
  },
  cases: {
    valid: [
      {
        name: 'arguments of the declared types, variables and numeric text',
        bundle: module(
          `"/movies/{{formatDate(now, 'YYYY')}}/{{addDays('2024-01-01', 1)}}/{{length(parameters.id)}}/{{substring('abc', '1')}}/{{upper(formatDate(now))}}"`,
        ),
      },
    ],
    invalid: [
      {
        name: 'a number where a date is declared',
        bundle: module(`/*@wrongType"123"*/ "/movies/{{formatDate(123, 'X')}}"`),
      },
      {
        name: 'text that is not a date',
        bundle: module(`/*@wrongType"'x'"*/ "/movies/{{addDays('x', 1)}}"`),
      },
      {
        name: 'a number where text, an array or a buffer is declared',
        bundle: module(`/*@wrongType"1)"*/ "/movies/{{length(1)}}"`),
      },
      {
        name: 'a built-in result of the wrong type',
        bundle: module(`/*@wrongType"length("*/ "/movies/{{addDays(length(parameters.id), 1)}}"`),
      },
    ],
  },
});
