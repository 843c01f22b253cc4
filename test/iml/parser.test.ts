/** Parser: node positions, precedence shapes, syntax errors with exact offsets, depth limits. */
import { describe, expect, it } from 'vitest';
import {
  ImlSyntaxError,
  MAX_EXPRESSION_DEPTH,
  parseTemplate,
  SYNTAX_ERROR_CODES,
  type SyntaxErrorCode,
} from '../../generator/iml/index.ts';

function syntaxError(src: string): ImlSyntaxError {
  try {
    parseTemplate(src);
  } catch (e) {
    if (e instanceof ImlSyntaxError) return e;
    throw e;
  }
  throw new Error(`no syntax error for ${src}`);
}

describe('parseTemplate', () => {
  it('splits text and expressions with the spans of the braces', () => {
    const ast = parseTemplate('a {{x}} b');
    expect(ast.parts.map((p) => [p.type, p.offset, p.length])).toEqual([
      ['text', 0, 2],
      ['expr', 2, 5],
      ['text', 7, 2],
    ]);
  });

  it('gives every node the offset and length of its source text', () => {
    const src = "{{ foo(bar.baz[2], 'q') }}";
    const ast = parseTemplate(src);
    const part = ast.parts[0];
    if (part.type !== 'expr' || part.expr.type !== 'call') throw new Error('shape');
    const call = part.expr;
    expect(src.slice(call.offset, call.offset + call.length)).toBe("foo(bar.baz[2], 'q')");
    const [path, str] = call.args;
    expect(src.slice(path.offset, path.offset + path.length)).toBe('bar.baz[2]');
    expect(src.slice(str.offset, str.offset + str.length)).toBe("'q'");
  });

  it.each([
    ['{{1 + 2 * 3}}', '+'],
    ['{{1 * 2 + 3}}', '+'],
    ['{{a = b & c = d}}', '&'],
    ['{{a | b & c}}', '|'],
    ['{{a < b = c}}', '='],
    ['{{a - b - c}}', '-'],
  ])('puts the loosest operator of %s at the root (%s)', (src, op) => {
    const part = parseTemplate(src).parts[0];
    expect(part.type === 'expr' && part.expr.type === 'binary' ? part.expr.op : undefined).toBe(op);
  });

  it('folds operator aliases into one canonical operator and keeps the spelling', () => {
    for (const [spelling, op] of [
      ['==', '='],
      ['===', '='],
      ['!==', '!='],
      ['&&', '&'],
      ['||', '|'],
    ]) {
      const part = parseTemplate(`{{a ${spelling} b}}`).parts[0];
      if (part.type !== 'expr' || part.expr.type !== 'binary') throw new Error('shape');
      expect([part.expr.op, part.expr.written]).toEqual([op, spelling]);
    }
  });

  // Codes, not message text, are the contract (syntax/error-codes.ts); every code has a case here.
  const cases: [string, number, SyntaxErrorCode][] = [
    ['{{1 +}}', 5, 'S0206'],
    ['{{a b}}', 4, 'S0202'],
    ['x {{a', 2, 'S0101'],
    ["{{'abc}}", 2, 'S0102'],
    ['{{f(1, 2}}', 8, 'S0203'],
    ['{{a.}}', 4, 'S0207'],
    ['{{#}}', 2, 'S0105'],
    ['{{ }}', 0, 'S0201'],
    ['ok {{a[1}}', 8, 'S0203'],
    ['{{`x}}', 2, 'S0103'],
    ['{{f({a: 1})}}', 4, 'S0106'],
    ["{{f(['a'])}}", 4, 'S0205'],
    ['{{1x}}', 2, 'S0104'],
  ];
  it.each(cases)('reports %s at offset %i with code %s', (src, offset, code) => {
    const e = syntaxError(src);
    expect([e.code, e.offset]).toEqual([code, offset]);
    expect(e.source).toBe(src);
  });

  it('has a case for every syntax error code (S0204, depth, is tested below)', () => {
    expect(new Set([...cases.map((c) => c[2]), 'S0204'])).toEqual(new Set(Object.keys(SYNTAX_ERROR_CODES)));
  });

  it('answers 1,000 nested parentheses with a typed depth error, not a stack overflow', () => {
    const e = syntaxError(`{{${'('.repeat(1000)}1${')'.repeat(1000)}}}`);
    expect(e.code).toBe('S0204');
    expect(e.message).toContain(`deeper than ${MAX_EXPRESSION_DEPTH}`);
  });

  it('caps long operator chains and deep call nesting the same way', () => {
    expect(syntaxError(`{{${Array(5000).fill('1').join(' + ')}}}`).message).toContain('deeper');
    expect(syntaxError(`{{${'f('.repeat(1000)}1${')'.repeat(1000)}}}`).message).toContain('deeper');
    expect(syntaxError(`{{${'-'.repeat(1000)}1}}`).message).toContain('deeper');
    expect(syntaxError(`{{a${'[1]'.repeat(10)}${'[x'.repeat(500)}${']'.repeat(500)}}}`).message).toContain(
      'deeper',
    );
  });

  it('accepts chains well inside the limit', () => {
    expect(() => parseTemplate(`{{${Array(100).fill('1').join(' + ')}}}`)).not.toThrow();
  });
});
