import { describe, expect, it } from 'vitest';
import { parseJsonDocument } from '../../generator/load/index.ts';

/** Independent position finder: 1-based line/column of the n-th occurrence of `needle`. */
function posOf(text: string, needle: string, nth = 0): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`needle ${needle} not found`);
  const before = text.slice(0, at).split(/\r\n|\n|\r/);
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

describe('parseJsonDocument', () => {
  const text = ['{', '  // a comment', '  "a": { "b": [10, "x\\ny {{z}}"] },', '  "c": true', '}'].join('\n');

  it('parses JSON with comments and keeps no diagnostics', () => {
    const doc = parseJsonDocument(text, 'f.json');
    expect(doc.value).toEqual({ a: { b: [10, 'x\ny {{z}}'] }, c: true });
    expect(doc.diagnostics).toEqual([]);
  });

  it.each([
    ['/a', '{ "b"'],
    ['/a/b', '[10'],
    ['/a/b/0', '10'],
    ['/a/b/1', '"x\\n'],
    ['/c', 'true'],
    ['', '{'],
  ])('locates the value at %s', (pointer, needle) => {
    const doc = parseJsonDocument(text, 'f.json');
    const loc = doc.locate(pointer);
    expect({ line: loc.line, column: loc.column }).toEqual(posOf(text, needle));
    expect(loc.file).toBe('f.json');
    expect(loc.pointer).toBe(pointer);
  });

  it('locates the key instead of the value when asked', () => {
    const doc = parseJsonDocument(text, 'f.json');
    const loc = doc.locate('/c', { key: true });
    expect({ line: loc.line, column: loc.column }).toEqual(posOf(text, '"c"'));
  });

  it('falls back to the nearest existing ancestor for a missing pointer', () => {
    const doc = parseJsonDocument(text, 'f.json');
    const loc = doc.locate('/a/nope/deeper');
    expect({ line: loc.line, column: loc.column }).toEqual(posOf(text, '{ "b"'));
    expect(loc.pointer).toBe('/a/nope/deeper');
  });

  it('maps a decoded string offset across escapes to the raw column', () => {
    const doc = parseJsonDocument(text, 'f.json');
    // decoded "x\ny {{z}}": offset 4 is the first "{" — raw text has "\n" (2 chars) before it.
    const loc = doc.locate('/a/b/1', { offsetInString: 4 });
    expect({ line: loc.line, column: loc.column }).toEqual(posOf(text, '{{z}}'));
  });

  it('maps offsets after a \\u escape (6 raw characters for 1 decoded)', () => {
    const t = '{"s": "caf\\u00e9 {{x}}"}';
    const doc = parseJsonDocument(t, 'u.json');
    expect(doc.value).toEqual({ s: 'café {{x}}' });
    expect(doc.locate('/s', { offsetInString: 5 }).column).toBe(t.indexOf('{{') + 1);
  });

  it('handles a byte-order mark and CRLF line ends without shifting columns', () => {
    const t = '\uFEFF{\r\n  "k": {\r\n    "v": 1\r\n  }\r\n}\r\n';
    const doc = parseJsonDocument(t, 'crlf.json');
    expect(doc.diagnostics).toEqual([]);
    expect(doc.value).toEqual({ k: { v: 1 } });
    expect(doc.locate('/k/v')).toMatchObject({ line: 3, column: 10 });
    expect(doc.locate('')).toMatchObject({ line: 1, column: 1 });
  });

  it('accepts trailing commas with a warning at the comma', () => {
    const t = '{\n  "a": [1, 2,],\n  "b": 1,\n}';
    const doc = parseJsonDocument(t, 't.json');
    expect(doc.value).toEqual({ a: [1, 2], b: 1 });
    expect(doc.diagnostics.map((d) => [d.ruleId, d.severity, d.line, d.column])).toEqual([
      ['load/trailing-comma', 'warning', 2, 13],
      ['load/trailing-comma', 'warning', 3, 9],
    ]);
  });

  it.each([
    ['missing comma', '{\n  "a": 1\n  "b": 2\n}', 3, 3, /comma/i],
    ['unclosed object', '{\n  "a": 1', 2, 9, /closing `}`/],
    ['single quotes', "{\n  'a': 1\n}", 2, 3, /property name|unexpected character/i],
    ['empty file', '', 1, 1, /empty/i],
    ['unclosed string', '{"a": "x\n}', 1, 7, /not closed/],
  ])('reports %s as load/json-syntax with its position', (_name, t, line, column, message) => {
    const doc = parseJsonDocument(t, 'bad.json');
    expect(doc.value).toBeUndefined();
    const first = doc.diagnostics[0];
    expect(first).toMatchObject({
      ruleId: 'load/json-syntax',
      severity: 'error',
      file: 'bad.json',
      line,
      column,
    });
    expect(first.message).toMatch(message);
  });

  it('refuses nesting deeper than the limit without recursing', () => {
    const deep = `${'['.repeat(100000)}${']'.repeat(100000)}`;
    const doc = parseJsonDocument(deep, 'deep.json');
    expect(doc.value).toBeUndefined();
    expect(doc.diagnostics).toMatchObject([{ ruleId: 'load/too-deep', line: 1, column: 257 }]);
    expect(doc.locate('/0/0')).toMatchObject({ line: 1, column: 1 });
  });

  it('warns about duplicate keys and keeps the last, like JSON.parse', () => {
    const doc = parseJsonDocument('{"a": 1, "a": 2}', 'dup.json');
    expect(doc.value).toEqual({ a: 2 });
    expect(doc.diagnostics).toMatchObject([
      { ruleId: 'load/duplicate-key', severity: 'warning', column: 10 },
    ]);
    expect(doc.locate('/a').column).toBe(15);
  });

  it('keeps a "__proto__" key as plain data without touching prototypes', () => {
    const doc = parseJsonDocument('{"__proto__": {"polluted": true}}', 'p.json');
    const v = doc.value as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
  });
});

describe('parseJsonDocument on hostile text', () => {
  it('still refuses deep nesting hidden after an unterminated string', () => {
    const doc = parseJsonDocument(`{"a": "oops\n${'['.repeat(50000)}`, 'h.json');
    expect(doc.value).toBeUndefined();
    expect(doc.diagnostics.map((d) => d.ruleId)).toContain('load/too-deep');
  });

  it('handles a megabyte string with escaped quotes and backslashes in linear time without errors', () => {
    const big = 'x\\"\\\\'.repeat(250000);
    const doc = parseJsonDocument(`{"k": "${big}", "k2": 1}`, 'big.json');
    expect(doc.diagnostics).toEqual([]);
    expect((doc.value as { k2: number }).k2).toBe(1);
  });

  it('finds duplicate keys written with escapes', () => {
    const doc = parseJsonDocument('{"a\\u0062": 1, "ab": 2}', 'e.json');
    expect(doc.diagnostics.map((d) => d.ruleId)).toEqual(['load/duplicate-key']);
  });
});
