import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleAllSchemas } from '../../generator/validate/schema/bundle.ts';
import { explainingValidatorFor } from '../../generator/validate/schema/compile.ts';
import { precompiledSource } from '../../generator/validate/schema/precompile.ts';
import { PRECOMPILED_FILE, precompiledValidator } from '../../generator/validate/schema/precompiled.ts';
import { BUNDLE_FILE, SCHEMA_NAMES } from '../../generator/validate/schema/registry.ts';

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

describe('the precompiled validators', () => {
  it('are up to date with the bundle (run: npx tsx generator/validate/schema/precompile.ts)', () => {
    expect(readFileSync(PRECOMPILED_FILE, 'utf8')).toBe(precompiledSource());
  });

  it('validate as the run-time compiled ones do, on valid and invalid values', () => {
    for (const name of SCHEMA_NAMES) {
      const fast = precompiledValidator(name)!;
      const slow = explainingValidatorFor(name);
      for (const value of [{}, [], 'x', { url: '/x', method: 'GET' }, [{ name: 'a', type: 'text' }]])
        expect(fast(value), `${name} ${JSON.stringify(value)}`).toBe(slow(value));
    }
  });
});
