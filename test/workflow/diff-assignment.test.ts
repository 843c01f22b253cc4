/** `diff --assignment` grades the way `grade` does: only the assignment's components, whatever their names. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const INDEPENDENT = 'test/fixtures/grade/independent/film-library.json';
const ASSIGNMENT = 'test/fixtures/grade/movies-crud.assignment.yaml';
const gradeOf = (out: string) => Number(/^Grade: (\d+)\/100/m.exec(out)?.[1]);

describe('make-app diff --assignment', { timeout: 120_000 }, () => {
  it('an independently written app that implements the assignment scores at least 90 on it, far less on the whole reference', async () => {
    const on = await runCli(['diff', INDEPENDENT, '--assignment', ASSIGNMENT]);
    expect(on.err).toBe('');
    expect(on.out).toContain('the smoke scenario of the assignment Movies CRUD');
    expect(gradeOf(on.out)).toBeGreaterThanOrEqual(90);
    const whole = await runCli(['diff', INDEPENDENT]);
    expect(gradeOf(whole.out)).toBeLessThan(60);
  });

  it('a broken assignment file is an input error naming it', async () => {
    const r = await runCli([
      'diff',
      INDEPENDENT,
      '--assignment',
      'test/fixtures/grade/independent/film-library.json',
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('film-library.json');
  });
});
