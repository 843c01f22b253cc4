import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { renderRulesDoc } from '../../generator/validate/rules-doc.ts';

it('RULES.md is generated from the current rule catalogue (regenerate it when rules change)', () => {
  const committed = readFileSync(
    path.resolve(import.meta.dirname, '../../generator/validate/RULES.md'),
    'utf8',
  );
  expect(committed).toBe(renderRulesDoc());
});
