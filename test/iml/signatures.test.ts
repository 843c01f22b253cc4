/** Typed signatures: the declaration grammar, what is derived from it, and the editor-facing API. */
import { describe, expect, it } from 'vitest';
import { convertArgs } from '../../generator/iml/functions/convert-args.ts';
import {
  maxArity,
  minArity,
  parseSignature,
  renderSignature,
} from '../../generator/iml/functions/signature.ts';
import { describeFunction, evaluateTemplate, functionSignatures } from '../../generator/iml/index.ts';

describe('parseSignature', () => {
  it.each([
    ['(text: text, start: integer, end?: integer): text', 2, 3],
    ['(...values: number | array): number | null', 1, Number.POSITIVE_INFINITY],
    ['(array: array, ...values?: any): array', 1, Number.POSITIVE_INFINITY],
    ['(): date', 0, 0],
  ])('%s round-trips and gives its arity', (declaration, min, max) => {
    const sig = parseSignature('f', declaration);
    expect(renderSignature('f', sig)).toBe(`f${declaration}`);
    expect([minArity(sig), maxArity(sig)]).toEqual([min, max]);
  });

  it.each([
    ['(text: string): text', /unknown IML type 'string'/],
    ['(a?: text, b: text): text', /required parameter follows an optional one/],
    ['(...a: text, b: text): text', /only the last parameter may be variadic/],
    ['text: text', /malformed signature/],
    ['(1a: text): text', /malformed parameter/],
  ])('refuses %s at load time', (declaration, error) => {
    expect(() => parseSignature('f', declaration)).toThrow(error);
  });
});

describe('the built-in library', () => {
  it('derives every arity, rendered signature and doc line from the declared signature', () => {
    const all = functionSignatures();
    expect(all.length).toBeGreaterThan(70);
    expect(all.map((f) => f.name)).toEqual([...all.map((f) => f.name)].sort());
    for (const f of all) {
      expect(f.rendered.startsWith(`${f.name}(`)).toBe(true);
      expect(f.doc).toBe(`${f.rendered}: ${f.description}`);
      expect(f.minArity).toBe(f.signature.params.filter((p) => !p.optional).length);
    }
  });

  it('describes one function for hover text', () => {
    expect(describeFunction('substring')).toMatchObject({
      rendered: 'substring(text: text, start: integer, end?: integer): text',
      minArity: 2,
      maxArity: 3,
      category: 'text',
    });
    expect(describeFunction('nope')).toBeUndefined();
  });
});

describe('argument conversion derived from the signature', () => {
  const sig = parseSignature('f', '(t: text, n: integer, flag?: boolean, rest?: number | text): any');
  it('converts single-type parameters and leaves unions and empty optionals as given', () => {
    expect(convertArgs('f', sig, [12, '3.7', undefined, '5'])).toEqual(['12', 3, undefined, '5']);
    expect(convertArgs('f', sig, [null, 1, 'false'])).toEqual(['', 1, false]);
  });
  it('names the function and parameter when a value cannot be converted', () => {
    expect(() => convertArgs('f', sig, ['a', 'x'])).toThrow('f() n must be a number');
  });
  it('is what the functions receive: substring() gets integers from numeric text', () => {
    expect(evaluateTemplate("{{substring('abcdef'; '1'; 3)}}", {})).toBe('bc');
  });
});
