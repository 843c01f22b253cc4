import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonDocument } from '../../generator/load/index.ts';
import { toPointer } from '../../generator/model/location.ts';
import { CORPUS, corpusAvailable } from '../helpers/shared.ts';

/**
 * A strict-JSON document answers its first positions by skip-scanning the text; every other
 * document (and later positions) uses the syntax tree. Both must give the same answer: a trailing
 * comment forces the tree path on the same text without moving anything the pointers reach.
 */
const treeDocument = (text: string) => parseJsonDocument(`${text}\n// force the syntax tree`, 'f.json');

/** Pointers to every value and every object member, plus misses below each of them. */
function pointers(v: unknown, segs: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(segs, [...segs, 'no such key'], [...segs, 99999], [...segs, '01']);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) pointers(v[i], [...segs, i], out);
  } else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) pointers(x, [...segs, k], out);
  return out;
}

function expectSamePositions(text: string, maxPointers = Number.POSITIVE_INFINITY) {
  const value = JSON.parse(text);
  const all = pointers(value).slice(0, maxPointers);
  const tree = treeDocument(text);
  let fast = parseJsonDocument(text, 'f.json');
  let asked = 0;
  for (const segs of all) {
    const p = toPointer(segs);
    for (const opts of [undefined, { key: true }, { offsetInString: 0 }, { offsetInString: 3 }]) {
      // only the first few questions of a document take the fast path: renew it before that
      if (++asked % 4 === 0) fast = parseJsonDocument(text, 'f.json');
      expect(fast.locate(p, opts), `${p} ${JSON.stringify(opts)}`).toEqual(tree.locate(p, opts));
    }
  }
}

const key = fc.oneof(fc.string(), fc.constantFrom('a', 'b', 'x"y', 'back\\slash', 'é\u2028', 'tab\t', '/~'));
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.constantFrom('{{a}}', 'say \\"hi\\"', 'line\nbreak', '\u00e9\u{1f600}'),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('positions in strict JSON without a syntax tree', () => {
  it('equal the syntax tree positions for generated JSON in any layout', () => {
    fc.assert(
      fc.property(json, fc.constantFrom(0, 1, 2, '\t'), fc.constantFrom('\n', '\r\n'), (v, indent, eol) => {
        const text = ` ${JSON.stringify(v, null, indent).replace(/\n/g, eol)}${eol}`;
        expectSamePositions(text);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['a repeated key resolves to its last occurrence', '{"a": 1, "b": {"c": 2}, "a": [3, {"d": "x"}]}'],
    ['escaped and unicode keys', '{"x\\"y": {"\\u00e9": "v\\\\"}, "\\/": [1, -2.5e3, true, null]}'],
    ['empty containers and scalars at the root level', '[{}, [], "", 0, false]'],
    ['a bare scalar document', '  "just a string"  '],
  ])('%s', (_name, text) => {
    expectSamePositions(text);
  });

  it.skipIf(!corpusAvailable)(
    'equal the syntax tree positions in every clean JSON file of the corpus',
    () => {
      const root = CORPUS;
      const files: string[] = [];
      const walk = (d: string) => {
        for (const n of readdirSync(d)) {
          const f = path.join(d, n);
          if (statSync(f).isDirectory()) walk(f);
          else if (/\.(json|imljson)$/.test(n)) files.push(f);
        }
      };
      walk(root);
      let checked = 0;
      for (const f of files) {
        const text = readFileSync(f, 'utf8').replace(/^\uFEFF/, '');
        try {
          JSON.parse(text);
        } catch {
          continue; // JSONC: always the tree path
        }
        expectSamePositions(text, 60);
        checked++;
      }
      expect(checked).toBeGreaterThan(50);
    },
  );
});
