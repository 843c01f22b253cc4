/** The nested-quantifier check that guards regular expressions the linear-time engine cannot run. */
import { describe, expect, it } from 'vitest';
import { hasNestedQuantifier } from '../../generator/iml/functions/safe-regexp.ts';

describe('hasNestedQuantifier', () => {
  it.each([
    ['(a+)+$', true],
    ['(\\w*x)*', true],
    ['(a{2,})+', true],
    ['((ab)+c)*', true],
    ['(a|b)*', false],
    ['\\d+', false],
    ['(\\w+) (\\w+)', false],
    ['[(a+)]+', false],
    ['\\(a+\\)+', false],
    ['^(https?)://', false],
  ])('%s → %s', (pattern, nested) => {
    expect(hasNestedQuantifier(pattern)).toBe(nested);
  });
});
