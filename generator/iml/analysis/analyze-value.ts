/** Walks any JSON value and analyses every string (and object key) that holds IML. */
import { escapePointerSegment } from '../../model/location.ts';
import type { TemplateAnalysis, ValueAnalysis } from '../api.ts';
import { hasIml } from '../syntax/template.ts';
import { analyzeTemplate } from './analyze-template.ts';

/** The spread key is a directive, not an expression; its value is analysed on its own. */
export const SPREAD_KEY = '{{...}}';

const escapeSegment = escapePointerSegment;

/**
 * Apps repeat the same templates in many places (`{{body.id}}`, `{{parameters.limit}}`), so one
 * analysis per distinct source is shared: the `variables`/`functions`/`errors` arrays of the
 * returned entries are read-only and may be the same arrays for equal sources.
 */
const analyses = new Map<string, TemplateAnalysis>();
const MAX_CACHED = 20_000;

function analyzed(source: string): TemplateAnalysis {
  let a = analyses.get(source);
  if (a === undefined) {
    a = analyzeTemplate(source);
    if (analyses.size >= MAX_CACHED) analyses.clear();
    analyses.set(source, a);
  }
  return a;
}

/** One open container of the walk; its pointer is built only when something inside needs it. */
interface Frame {
  value: object;
  keys: string[] | null; // null for arrays
  next: number;
  parent: Frame | null;
  segment: string;
  pointer: string | undefined;
}

/** The entry for one string; fields written out (an object spread is far slower on this hot path). */
function entry(source: string, pointer: string, inKey: boolean): ValueAnalysis {
  const a = analyzed(source);
  return {
    variables: a.variables,
    functions: a.functions,
    errors: a.errors,
    hasIml: a.hasIml,
    pointer,
    inKey,
    source,
  };
}

function frame(v: object, parent: Frame | null, segment: string): Frame {
  return {
    value: v,
    keys: Array.isArray(v) ? null : Object.keys(v),
    next: 0,
    parent,
    segment,
    pointer: parent === null ? '' : undefined,
  };
}

function pointerOf(f: Frame): string {
  if (f.pointer !== undefined) return f.pointer;
  // iterative: the chain can be as deep as the value
  const missing: Frame[] = [];
  let at: Frame = f;
  while (at.pointer === undefined) {
    missing.push(at);
    at = at.parent as Frame;
  }
  let pointer = at.pointer;
  for (let i = missing.length - 1; i >= 0; i--) {
    pointer = `${pointer}/${missing[i].segment}`;
    missing[i].pointer = pointer;
  }
  return pointer;
}

export function analyzeValue(value: unknown): ValueAnalysis[] {
  const out: ValueAnalysis[] = [];
  if (typeof value === 'string') {
    if (hasIml(value)) out.push(entry(value, '', false));
    return out;
  }
  if (!value || typeof value !== 'object') return out;
  // Iterative depth-first walk in document order (app documents can be deep, hostile ones deeper);
  // an object met twice (shared or cyclic, never from JSON.parse) is walked once.
  const seen = new Set<object>([value]);
  const stack: Frame[] = [frame(value, null, '')];
  while (stack.length > 0) {
    const f = stack[stack.length - 1];
    const keys = f.keys;
    const size = keys === null ? (f.value as unknown[]).length : keys.length;
    if (f.next >= size) {
      stack.pop();
      continue;
    }
    const i = f.next++;
    const key = keys === null ? undefined : keys[i];
    const item = key === undefined ? (f.value as unknown[])[i] : (f.value as Record<string, unknown>)[key];
    const segment = key === undefined ? String(i) : escapeSegment(key);
    // the key is reported before its value (document order)
    if (key !== undefined && key !== SPREAD_KEY && hasIml(key))
      out.push(entry(key, `${pointerOf(f)}/${segment}`, true));
    if (typeof item === 'string') {
      if (hasIml(item)) out.push(entry(item, `${pointerOf(f)}/${segment}`, false));
    } else if (item && typeof item === 'object' && !seen.has(item)) {
      seen.add(item);
      stack.push(frame(item, f, segment));
    }
  }
  return out;
}
