/** Canonical printer: stable, idempotent, equal for templates that differ only in spacing or aliases. */
import { describe, expect, it } from 'vitest';
import { evaluateTemplate, printTemplate } from '../../generator/iml/index.ts';

describe('printTemplate', () => {
  it.each([
    ['{{a+b*c}}', '{{a + b * c}}'],
    ['{{ (a + b) * c }}', '{{(a + b) * c}}'],
    ['{{((a))}}', '{{a}}'],
    ['{{a - (b - c)}}', '{{a - (b - c)}}'],
    ['{{(a - b) - c}}', '{{a - b - c}}'],
    ['{{a == b}}', '{{a = b}}'],
    ['{{a === b}}', '{{a = b}}'],
    ['{{a !== b}}', '{{a != b}}'],
    ['{{a & b | c}}', '{{a && b || c}}'],
    ['{{a && (b || c)}}', '{{a && (b || c)}}'],
    ['{{ ! a }}', '{{!a}}'],
    ['{{-(-a)}}', '{{-(-a)}}'],
    ['{{-(a + b)}}', '{{-(a + b)}}'],
    ['{{f( a ,b )}}', '{{f(a, b)}}'],
    ['{{f(a; b)}}', '{{f(a, b)}}'],
    ['{{iml.myFn( x )}}', '{{iml.myFn(x)}}'],
    ['{{"double"}}', "{{'double'}}"],
    ["{{'it\\'s'}}", "{{'it\\'s'}}"],
    ['{{headers.`X-Id`}}', '{{headers.`X-Id`}}'],
    ['{{a.`plain`}}', '{{a.plain}}'],
    ['{{headers.retry-after}}', '{{headers.`retry-after`}}'],
    ['{{items[ 1 ].id}}', '{{items[1].id}}'],
    ['{{items[ ]}}', '{{items[]}}'],
    ['{{items[-1]}}', '{{items[-1]}}'],
    ['{{(f(x))[1]}}', '{{f(x)[1]}}'],
    ['{{`now`}}', '{{`now`}}'],
    ['text {{ a }} more {{b}}', 'text {{a}} more {{b}}'],
    ['no iml', 'no iml'],
    ["{{if(a,'x',)}}", "{{if(a, 'x', )}}"],
  ])('prints %s as %s', (src, want) => {
    expect(printTemplate(src)).toBe(want);
  });

  it('is idempotent', () => {
    for (const src of ['{{a+b*c}}', "{{if(a=1;'x';f(b[2], -c))}}", '{{(a|b)&!c}}', '{{x.`a b`[1 + 2].y}}']) {
      const once = printTemplate(src);
      expect(printTemplate(once)).toBe(once);
    }
  });

  it('gives the same text for templates that differ only in spacing', () => {
    const variants = ["{{if(a=1,'x',b)}}", "{{ if( a = 1 , 'x' , b ) }}", "{{if(a\n=\n1,'x',b)}}"];
    expect(new Set(variants.map(printTemplate)).size).toBe(1);
  });

  it('keeps the meaning: printed and original evaluate alike', () => {
    const ctx = { a: 7, b: 2, c: 3, items: [{ id: 1 }], x: { 'a b': [1, 2, 3, { y: 'deep' }] } };
    for (const src of [
      '{{a - (b - c)}}',
      '{{(a - b) * c}}',
      "{{a + b + 'x'}}",
      "{{'x' + (a + b)}}",
      '{{-(-a)}}',
      '{{x.`a b`[1 + 3].y}}',
      '{{!(a = b)}}',
    ])
      expect(evaluateTemplate(printTemplate(src), ctx)).toEqual(evaluateTemplate(src, ctx));
  });
});
