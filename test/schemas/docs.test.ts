import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOCS_FILE, renderSchemaDocs } from '../../generator/validate/schema/docs.ts';
import { SCHEMA_NAMES } from '../../generator/validate/schema/registry.ts';

describe('schemas/README.md', () => {
  it('is up to date with the schemas (run: npx tsx generator/validate/schema/docs.ts)', () => {
    expect(readFileSync(DOCS_FILE, 'utf8')).toBe(renderSchemaDocs());
  });

  it('documents every schema with its rule id', () => {
    const text = renderSchemaDocs();
    for (const name of SCHEMA_NAMES) expect(text).toContain(`## ${name}\n`);
    expect(text).toContain('`pagination` is not allowed in an action module');
  });
});
