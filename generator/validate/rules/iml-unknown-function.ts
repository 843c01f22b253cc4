import { BUILTIN_FUNCTIONS } from '../../iml/index.ts';
import { defineRule } from '../types.ts';
import { academyApp, ID_PARAM } from './shared-cases.ts';

/** `iml.name(...)` (the contract's `custom`, refined by the engine's `qualified` when present). */
function isQualified(f: { custom: boolean }): boolean {
  const q = (f as { qualified?: boolean }).qualified;
  return q ?? f.custom;
}

/** Closest known name (edit distance ≤ 2), for "did you mean". */
function closest(name: string, names: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const n of names) {
    const d = distance(name.toLowerCase(), n.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = n;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

export const imlUnknownFunction = defineRule({
  id: 'iml/unknown-function',
  description: "A function that is neither an IML built-in nor one of the app's custom functions.",
  defaultSeverity: 'error',
  explains: ['reference'],
  docs: "IML resolves `name(...)` against the built-in functions and the app's own custom IML functions (`iml.name(...)` inside functions). A misspelt or missing function fails every run of the module. Declare the custom function in the app, or fix the name (the message suggests the closest known one).",
  messages: {
    didYouMean: 'Unknown IML function "{name}"; did you mean "{suggestion}"?',
    unknown:
      'Unknown IML function "{name}"; declare it as a custom IML function of the app or use a built-in.',
  },
  check(ctx) {
    const custom = ctx.analysis.customFunctions;
    for (const s of ctx.analysis.strings)
      for (const f of s.analysis.functions) {
        if (
          isQualified(f)
            ? custom.has(f.name) || BUILTIN_FUNCTIONS.has(f.name)
            : BUILTIN_FUNCTIONS.has(f.name) || custom.has(f.name)
        )
          continue;
        const hint = closest(f.name, [...BUILTIN_FUNCTIONS.keys(), ...custom]);
        ctx.report({
          messageId: hint ? 'didYouMean' : 'unknown',
          data: { name: f.name, suggestion: hint ?? '' },
          code: s.code,
          pointer: s.pointer,
          key: s.inKey,
          offsetInString: f.offset,
          length: f.name.length,
          component: s.component ?? 'base',
        });
      }
  },
  cases: {
    valid: [
      {
        name: 'built-in and custom functions',
        bundle: academyApp(
          `"communication": { "url": "/movies/{{trim(parameters.id)}}", "response": { "output": "{{cleanMovie(body)}}" } }, ${ID_PARAM}, "scope": ["read"]`,
          'action',
          { functions: { cleanMovie: `{ "codes": { "code": "function cleanMovie(m) { return m; }" } }` } },
        ),
      },
    ],
    invalid: [
      {
        name: 'a misspelt built-in',
        bundle: academyApp(
          `"communication": { "url": /*@didYouMean"trimm("*/ "/movies/{{trimm(parameters.id)}}", "response": { "output": "{{body}}" } }, ${ID_PARAM}, "scope": ["read"]`,
        ),
      },
      {
        name: 'a custom function the app does not define',
        bundle: academyApp(
          `"communication": { "url": "/movies/{{parameters.id}}", "response": { "output": /*@unknown"formatRecords("*/ "{{formatRecords(body.records)}}" } }, ${ID_PARAM}, "scope": ["read"]`,
        ),
      },
      {
        name: 'JSON parser spelt with the wrong case',
        bundle: academyApp(
          `"communication": { "url": "/movies/{{parameters.id}}", "response": { "output": /*@didYouMean"parseJson("*/ "{{parseJson(body.payload)}}" } }, ${ID_PARAM}, "scope": ["read"]`,
        ),
      },
      {
        name: 'a misspelt function in a container written without braces',
        bundle: academyApp(
          `"communication": { "url": "/movies", "response": { "iterate": { "container": /*@didYouMean"flaten("*/ "flaten(body.groups)" } } }, "scope": ["read"]`,
          'search',
        ),
      },
    ],
  },
});
