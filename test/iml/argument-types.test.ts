/** Static argument types: which literal or built-in-result arguments cannot fit, at exact positions. */
import { describe, expect, it } from 'vitest';
import { analyzeTemplate } from '../../generator/iml/index.ts';

/** [template, the reported argument's source text and expected type] — or nothing when it fits. */
const CASES: [string, [string, string][]][] = [
  ["{{formatDate(123; 'X')}}", [['123', 'date']]],
  ['{{addDays("x"; 1)}}', [['"x"', 'date']]],
  ['{{length(1)}}', [['1', 'text | array | buffer | object | null']]],
  ['{{addDays(length(a); 1)}}', [['length(a)', 'date']]],
  ["{{substring('abc'; 'one')}}", [["'one'", 'integer']]],
  ['{{upper(true)}}', [['true', 'text']]],
  ['{{join(emptyarray; 1)}}', [['1', 'text']]],
  ['{{first(now)}}', [['now', 'array']]],
  ["{{formatDate(now; 'YYYY')}}", []],
  ["{{addDays('2024-01-01'; 1)}}", []],
  ["{{substring('abc'; '1')}}", []],
  ['{{length(parameters.x)}}', []],
  ['{{upper(formatDate(now))}}', []],
  ['{{iml.formatDate(123)}}', []],
  ['{{contains(a; b; 1)}}', []],
  ['{{merge(headers; toCollection(p; "k"; "v"))}}', []],
  ['{{formatDate(null)}}', []],
];

describe('argumentTypeErrors', () => {
  it.each(CASES)('%s', (src, expected) => {
    const found = analyzeTemplate(src).functions.flatMap((f) => f.argumentTypeErrors);
    expect(found.map((e) => [src.slice(e.offset, e.offset + e.length), e.expected.join(' | ')])).toEqual(
      expected,
    );
  });

  it('names the function, the parameter and what was given', () => {
    const [error] = analyzeTemplate("{{formatDate(123; 'X')}}").functions[0].argumentTypeErrors;
    expect(error.message).toBe('formatDate() expects date for `date`, got number 123');
  });
});
