import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaTitle } from '../../generator/validate/schema/compile.ts';
import { explain } from '../../generator/validate/schema/explain.ts';
import { SCHEMA_NAMES, type SchemaName, schemaFile } from '../../generator/validate/schema/registry.ts';

interface AntiExample {
  value: unknown;
  reason: string;
  /** A piece of the plain-words message the schema step must give. */
  expect?: string;
  /** Severity every finding must have (default: error). */
  severity?: 'error' | 'warning';
}

const rows = SCHEMA_NAMES.map((name) => {
  const source = JSON.parse(readFileSync(schemaFile(name), 'utf8')) as {
    examples?: unknown[];
    'x-antiExamples'?: AntiExample[];
  };
  return { name, examples: source.examples ?? [], anti: source['x-antiExamples'] ?? [] };
});

describe('every schema carries examples and anti-examples', () => {
  it.each(rows)('$name has at least one example and one anti-example with a reason', ({ examples, anti }) => {
    expect(examples.length).toBeGreaterThan(0);
    expect(anti.length).toBeGreaterThan(0);
    for (const a of anti) expect(a.reason.length).toBeGreaterThan(5);
  });
});

const exampleCases = rows.flatMap(({ name, examples }) => examples.map((value, i) => ({ name, i, value })));
const antiCases = rows.flatMap(({ name, anti }) => anti.map((a, i) => ({ name, i, ...a })));

describe('schema examples are accepted', () => {
  it.each(exampleCases)('$name example #$i passes', ({ name, value }) => {
    expect(explain(name as SchemaName, value, schemaTitle(name as SchemaName))).toEqual([]);
  });
});

describe('schema anti-examples are rejected for the stated reason', () => {
  it.each(antiCases)('$name anti-example #$i fails: $reason', ({ name, value, expect: part, severity }) => {
    const findings = explain(name as SchemaName, value, schemaTitle(name as SchemaName));
    expect(findings.length).toBeGreaterThan(0);
    if (part) expect(findings.map((f) => f.message).join('\n')).toContain(part);
    for (const f of findings) expect(f.severity).toBe(severity ?? 'error');
    for (const f of findings)
      expect(f.message).not.toMatch(/must match (a )?schema|must match "then"|does not match schema/i);
  });
});
