/** Walks any JSON value and analyses every string (and object key) that holds IML. */
import type { ValueAnalysis } from '../api.ts';
import { hasIml } from '../syntax/template.ts';
import { analyzeTemplate } from './analyze-template.ts';

/** The spread key is a directive, not an expression; its value is analysed on its own. */
export const SPREAD_KEY = '{{...}}';

const escapeSegment = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

export function analyzeValue(value: unknown): ValueAnalysis[] {
  const out: ValueAnalysis[] = [];
  // Iterative walk: app documents can be deep and hostile values deeper.
  const stack: { value: unknown; pointer: string; key?: boolean }[] = [{ value, pointer: '' }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { value: v, pointer, key } = stack.pop()!;
    if (key) out.push({ ...analyzeTemplate(v as string), pointer, inKey: true, source: v as string });
    else if (typeof v === 'string') {
      if (hasIml(v)) out.push({ ...analyzeTemplate(v), pointer, inKey: false, source: v });
    } else if (v && typeof v === 'object' && !seen.has(v)) {
      seen.add(v);
      const entries = Array.isArray(v) ? v.map((item, i) => [String(i), item] as const) : Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i];
        const child = `${pointer}/${escapeSegment(key)}`;
        stack.push({ value: item, pointer: child });
        // Pushed last so the key is reported before its value (document order).
        if (!Array.isArray(v) && key !== SPREAD_KEY && hasIml(key))
          stack.push({ value: key, pointer: child, key: true });
      }
    }
  }
  return out;
}
