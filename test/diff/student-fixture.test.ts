import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffApps } from '../../generator/diff/index.ts';
import { loadApp } from '../../generator/load/index.ts';
import { MINI_REFERENCE } from './student-apps.ts';

/**
 * A committed student-like app: the small reference exported in the older `.imljson` layout,
 * then edited by hand the way students do — components renamed, comments, spacing inside
 * `{{ }}`, keys reordered — with five typical mistakes. The expected diff is written out in full.
 */
const STUDENT = path.resolve(import.meta.dirname, '../fixtures/diff/student-export');

const EXPECTED: [component: string, code: string, cls: string, path: string][] = [
  ['base', 'D-WRITTEN-DIFFERENTLY', 'equivalent', ''],
  ['connections.academy', 'D-BODY-FIELD-MISSING', 'breaking', 'token.body.redirect_uri'],
  ['connections.academy', 'D-COMPONENT-RENAMED', 'cosmetic', ''],
  ['connections.academy', 'D-EXPIRY-UNIT', 'behavioural', 'token.response.data.expires'],
  ['connections.academy', 'D-LABEL-CHANGED', 'cosmetic', 'label'],
  ['modules.createMovie', 'D-PARAM-REQUIRED-DROPPED', 'behavioural', 'fields.name.required'],
  ['modules.getMovie', 'D-SCOPE-MISSING', 'breaking', ''],
  ['modules.searchMovies', 'D-COMPONENT-RENAMED', 'cosmetic', ''],
  ['modules.searchMovies', 'D-LABEL-CHANGED', 'cosmetic', 'label'],
  ['modules.searchMovies', 'D-PAGINATION-CONDITION-CHANGED', 'behavioural', '0.pagination.condition'],
];

describe('a hand-edited student export with renamed components and five mistakes', {
  timeout: 180_000,
}, () => {
  it('gives exactly the expected structural changes, located in the student files', async () => {
    const r = await diffApps(loadApp(STUDENT), loadApp(MINI_REFERENCE), { behaviour: false, lint: false });
    const got = r.changes
      .map((c) => [c.component, c.code, c.class, c.path])
      .sort((a, b) => a.join().localeCompare(b.join()));
    expect(got).toEqual([...EXPECTED].sort((a, b) => a.join().localeCompare(b.join())));
    expect(r.matches.filter((m) => m.by === 'behaviour').map((m) => [m.reference, m.theirs])).toEqual([
      ['academy', 'academyOauth'],
      ['searchMovies', 'listMovies'],
    ]);
    const expiry = r.changes.find((c) => c.code === 'D-EXPIRY-UNIT');
    expect(expiry?.theirs.location).toMatchObject({ file: 'connections/academyOauth/api.imljson', line: 31 });
    // every change has a fix: breaking first, then behavioural, then the cosmetic ones
    expect(r.grade.fixes.map((f) => f.code)).toEqual([
      'D-BODY-FIELD-MISSING',
      'D-SCOPE-MISSING',
      'D-EXPIRY-UNIT',
      'D-PARAM-REQUIRED-DROPPED',
      'D-PAGINATION-CONDITION-CHANGED',
      'D-COMPONENT-RENAMED',
      'D-LABEL-CHANGED',
      'D-COMPONENT-RENAMED',
      'D-LABEL-CHANGED',
    ]);
  });

  it('fails to connect in the simulation, and every later step is shown as following from it', async () => {
    const r = await diffApps(loadApp(STUDENT), loadApp(MINI_REFERENCE), { lint: false });
    expect(r.behaviour.ran).toBe(true);
    const [connect, ...rest] = r.behaviour.steps;
    expect(connect.title).toMatch(/connect/);
    expect(connect.differences.map((d) => d.path)).toContain('requests[2].body.redirect_uri');
    expect(rest.length).toBeGreaterThan(0);
    for (const s of rest) expect(s.followsFrom, s.title).toBe(0);
  });
});
