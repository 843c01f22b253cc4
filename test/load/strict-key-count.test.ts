import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonDocument } from '../../generator/load/index.ts';
import { countKeysInStrictJson, preScan } from '../../generator/load/pre-scan.ts';

const key = fc.oneof(fc.string(), fc.constantFrom('a', '":', 'x\\"', ' : ', '\\'));
const json = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.constantFrom('":', '\\":"', ': "'),
    fc.integer(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(key, tie('v'), { maxKeys: 4 }),
  ),
})).v;

describe('property names counted by jumping from quote to quote (strict JSON)', () => {
  it('equal the full pre-scan count for any JSON in any layout', () => {
    fc.assert(
      fc.property(json, fc.constantFrom(0, 2, '\t'), (v, indent) => {
        const text = JSON.stringify(v, null, indent);
        expect(countKeysInStrictJson(text)).toBe(preScan(text, 1000).keyCount);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['a repeated key', '{"a": 1, "b": {"c": ":"}, "a": 2}', ['a']],
    ['a repeated key written with an escape', '{"\\u0061": 1, "a": 2}', ['a']],
    ['keys that only look alike in values', '{"a": "\\"a\\": 1", "b": [":", "a"]}', []],
  ])('strict JSON with %s: the duplicate-key warnings are exact', (_n, text, names) => {
    const doc = parseJsonDocument(text, 'x.json');
    expect(doc.value).toEqual(JSON.parse(text));
    expect(doc.diagnostics.map((d) => d.message.match(/"(.*)"/)?.[1])).toEqual(names);
  });

  it('nesting past the limit is refused at the bracket that crosses it, even for strict JSON', () => {
    const doc = parseJsonDocument(`${'['.repeat(5)}1${']'.repeat(5)}`, 'deep.json', { maxDepth: 4 });
    expect(doc.value).toBeUndefined();
    expect(doc.diagnostics).toMatchObject([{ ruleId: 'load/too-deep', line: 1, column: 5 }]);
    const ok = parseJsonDocument(`${'['.repeat(4)}1${']'.repeat(4)}`, 'deep.json', { maxDepth: 4 });
    expect(ok.value).toEqual([[[[1]]]]);
  });
});
