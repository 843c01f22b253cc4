import { analyzeTemplate, hasIml, printTemplate } from '../iml/index.ts';

/**
 * Canonical text of an IML string, so `{{ a+b }}` and `{{a + b}}` compare equal. A string that
 * does not parse is kept as written (the linter reports the syntax error; the differ only compares).
 * A string that is exactly one literal (`{{true}}`, `{{5}}`) becomes that literal, because Make
 * yields the raw value of a lone expression.
 */
export function canonicalString(src: string): unknown {
  if (!hasIml(src)) return src;
  let printed: string;
  try {
    printed = printTemplate(src);
  } catch {
    return src;
  }
  const lone = /^\{\{(true|false|null|-?\d+(?:\.\d+)?)\}\}$/.exec(printed);
  if (lone) return JSON.parse(lone[1]);
  return printed;
}

/** Variable paths (`connection.accessToken`) and function names an IML string uses. */
export function imlReferences(src: string): { variables: string[]; functions: string[] } {
  if (!hasIml(src)) return { variables: [], functions: [] };
  const a = analyzeTemplate(src);
  return { variables: a.variables.map((v) => v.path.join('.')), functions: a.functions.map((f) => f.name) };
}

const TIME_UNIT_FN = /\badd(Milliseconds|Seconds|Minutes|Hours|Days|Months|Years)\(/g;

/** Time-unit functions in order (`addSeconds` → `Seconds`), and the text with them blanked out. */
export function timeUnits(canonical: string): { units: string[]; skeleton: string } {
  const units = [...canonical.matchAll(TIME_UNIT_FN)].map((m) => m[1]);
  return { units, skeleton: canonical.replace(TIME_UNIT_FN, 'add#UNIT#(') };
}
