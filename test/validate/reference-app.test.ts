import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadApp } from '../../generator/load/index.ts';
import { lintApp } from '../../generator/validate/index.ts';

const DIST = path.resolve(import.meta.dirname, '../../dist-app');

describe('the compiled reference app (dist-app/)', () => {
  it('is linted with the academy-v2 profile and has no error or warning', () => {
    const r = lintApp(loadApp(DIST));
    expect(r.profile).toBe('academy-v2');
    expect(
      r.diagnostics
        .filter((d) => d.severity !== 'info')
        .map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`),
    ).toEqual([]);
  });
});
