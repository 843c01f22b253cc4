import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeTemplate, analyzeValue, hasIml } from '../../generator/iml/index.ts';

/** The plain definition: recursive, document order, a key before its value, fresh analyses. */
function reference(value: unknown) {
  const out: unknown[] = [];
  const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
  const walk = (v: unknown, pointer: string) => {
    if (typeof v === 'string') {
      if (hasIml(v)) out.push({ ...analyzeTemplate(v), pointer, inKey: false, source: v });
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) walk(v[i], `${pointer}/${i}`);
    } else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k !== '{{...}}' && hasIml(k))
          out.push({ ...analyzeTemplate(k), pointer: `${pointer}/${esc(k)}`, inKey: true, source: k });
        walk(x, `${pointer}/${esc(k)}`);
      }
  };
  walk(value, '');
  return out;
}

const text = fc.oneof(
  fc.string(),
  fc.constantFrom('{{a.b}}', '{{...}}', 'x {{upper(item.name)}} y', '{{ 1 + }}', '{{a}}/{{b}}', 'a/b~c{{x}}'),
);
const value = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.integer(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(text, tie('v'), { maxKeys: 4 }),
  ),
})).v;

describe('analyzeValue', () => {
  it('finds the same strings, keys, pointers and analyses as a plain recursive walk, in the same order', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(analyzeValue(v)).toEqual(reference(v));
      }),
      { numRuns: 400 },
    );
  });
});
