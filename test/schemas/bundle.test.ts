import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleAllSchemas } from '../../generator/validate/schema/bundle.ts';
import { BUNDLE_FILE } from '../../generator/validate/schema/registry.ts';

describe('the committed schema bundle', () => {
  it('is up to date with schemas/*.schema.json and schemas/defs (run: npx tsx generator/validate/schema/bundle.ts)', async () => {
    expect(readFileSync(BUNDLE_FILE, 'utf8')).toBe(await bundleAllSchemas());
  });

  it('has no reference left pointing outside itself', () => {
    const text = readFileSync(BUNDLE_FILE, 'utf8');
    const refs = [...text.matchAll(/"\$ref": "([^"]*)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((r) => !r.startsWith('#'))).toEqual([]);
  });
});
