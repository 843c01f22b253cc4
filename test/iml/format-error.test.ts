import { describe, expect, it } from 'vitest';
import { formatImlError, ImlSyntaxError, parseTemplate } from '../../generator/iml/index.ts';

function errorOf(src: string): ImlSyntaxError {
  try {
    parseTemplate(src);
  } catch (e) {
    if (e instanceof ImlSyntaxError) return e;
    throw e;
  }
  throw new Error(`no syntax error in ${src}`);
}

describe('formatImlError shows the template with a caret under the error', () => {
  it('puts the caret under the offending column of a short template', () => {
    const src = '{{ 1 + (2 * }}';
    const [, line, caret] = formatImlError(errorOf(src), src).split('\n');
    expect(line).toBe(`  ${src}`);
    expect(line[caret.indexOf('^')]).toBe('}');
  });

  it('cuts a very long line to a window around the error, caret still on the spot', () => {
    const src = `{{ "${'a'.repeat(5000)}" + ) }}`;
    const [, line, caret] = formatImlError(errorOf(src), src).split('\n');
    expect(line.length).toBeLessThan(200);
    expect(line.trimStart().startsWith('…')).toBe(true);
    expect(line[caret.indexOf('^')]).toBe(')');
  });
});
