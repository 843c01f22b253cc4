import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonDocument } from '../../generator/load/index.ts';
import { toPointer } from '../../generator/model/location.ts';

/** Every (pointer, value) pair of a JSON value. */
function entries(v: unknown, path: (string | number)[] = []): [string, unknown][] {
  const out: [string, unknown][] = [[toPointer(path), v]];
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) out.push(...entries(x, [...path, i]));
  } else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) out.push(...entries(x, [...path, k]));
  return out;
}

/** 1-based line/column → offset, with the line breaks the text uses. */
function offsetOf(text: string, line: number, column: number): number {
  let off = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', off);
    off = nl + 1;
  }
  return off + column - 1;
}

const FIRST_CHAR: Record<string, RegExp> = {
  object: /\{/,
  array: /\[/,
  string: /"/,
  number: /[-0-9]/,
  boolean: /[tf]/,
  null: /n/,
};
const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

// Plain-object keys only: "__proto__" as a key is covered by its own test.
const json = fc.jsonValue({ maxDepth: 4 }).filter((v) => !JSON.stringify(v).includes('"__proto__"'));

describe('parseJsonDocument on generated JSON', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('parses like JSON.parse and locates every value at its first character (%s)', (_name, eol) => {
    fc.assert(
      fc.property(json, (value) => {
        const text = JSON.stringify(value, null, 2).replace(/\n/g, eol);
        const doc = parseJsonDocument(text, 'gen.json');
        expect(doc.diagnostics).toEqual([]);
        expect(doc.value).toEqual(JSON.parse(text));
        for (const [pointer, v] of entries(doc.value)) {
          const loc = doc.locate(pointer);
          const ch = text.charAt(offsetOf(text, loc.line, loc.column));
          expect(ch).toMatch(FIRST_CHAR[kind(v)]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('maps every decoded offset of every string to the raw character that encodes it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { minLength: 1, maxLength: 5 }),
        (strings) => {
          const text = JSON.stringify({ s: strings });
          const doc = parseJsonDocument(text, 's.json');
          strings.forEach((s, i) => {
            for (let k = 0; k < s.length; k++) {
              const loc = doc.locate(`/s/${i}`, { offsetInString: k });
              const raw = text.slice(loc.column - 1);
              // Decode the one character (or escape) found there and compare with the decoded one.
              const m = /^(\\u[0-9a-fA-F]{4}|\\.|[\s\S])/.exec(raw)?.[0] ?? '';
              expect(JSON.parse(`"${m}"`)).toBe(s[k]);
            }
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
