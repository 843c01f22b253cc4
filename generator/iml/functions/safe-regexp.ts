/**
 * Regular expressions written in templates (`replace(t, '/re/g', ...)`) come from app authors and
 * must not hang the engine. Patterns run on V8's linear-time engine when it accepts them; the rest
 * (case-insensitive, unicode, backreferences, lookaround) run on the normal engine only when they
 * have no nested quantifier — the shape behind catastrophic backtracking like `(a+)+$`.
 */
import v8 from 'node:v8';
import { ImlEvalError } from '../errors.ts';

/** V8's flag for its linear-time engine (a variable, so no tool rewrites the probe into a literal). */
const LINEAR_FLAG = 'l';

let linearAvailable = false;
try {
  // Only enables the opt-in `l` flag; the default engine and every other RegExp are unaffected.
  v8.setFlagsFromString('--enable-experimental-regexp-engine');
  new RegExp('a', LINEAR_FLAG);
  linearAvailable = true;
} catch {
  linearAvailable = false;
}

/** True when a quantified group contains a quantifier itself: `(a+)+`, `(\w*x)*`, `(a{2,})+`. */
export function hasNestedQuantifier(source: string): boolean {
  const stack: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') stack.push(false);
    else if (c === ')') {
      const inner = stack.pop() ?? false;
      const next = source[i + 1];
      const quantified = next === '+' || next === '*' || next === '{';
      if (inner && quantified) return true;
      if (stack.length > 0 && (inner || quantified)) stack[stack.length - 1] = true;
    } else if ((c === '+' || c === '*' || c === '{') && stack.length > 0) stack[stack.length - 1] = true;
  }
  return false;
}

export function safeRegExp(source: string, flags: string): RegExp {
  if (linearAvailable) {
    try {
      return new RegExp(source, flags + LINEAR_FLAG);
    } catch {
      // Not expressible in linear time (or invalid): checked below.
    }
  }
  if (hasNestedQuantifier(source))
    throw new ImlEvalError(
      `the regular expression /${source}/ has a nested quantifier and could run for ever; simplify it`,
    );
  return new RegExp(source, flags);
}
