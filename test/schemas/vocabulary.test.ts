import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAKE_ERROR_TYPES } from '../../generator/model/index.ts';

/** The schemas are plain JSON (they ship to editors), so they cannot import the model: these tests keep them in step with it. */
const schema = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../schemas/${name}`, import.meta.url), 'utf8'));

describe("the schemas name Make's vocabulary exactly as the model does", () => {
  it('error.type / valid.type accept exactly the model’s error types', () => {
    const errorType = schema('defs/response.json').definitions.errorType;
    const listed = errorType.anyOf.find((s: { enum?: string[] }) => s.enum).enum;
    expect([...listed].sort()).toEqual([...MAKE_ERROR_TYPES].sort());
  });
});
