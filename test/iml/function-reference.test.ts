import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { renderFunctionReference } from '../../generator/iml/functions/reference-doc.ts';

it('FUNCTIONS.md is generated from the current signatures (regenerate it when a function changes)', () => {
  const committed = readFileSync(
    path.resolve(import.meta.dirname, '../../generator/iml/FUNCTIONS.md'),
    'utf8',
  );
  expect(committed).toBe(renderFunctionReference());
});
