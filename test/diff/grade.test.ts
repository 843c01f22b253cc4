import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { countClasses, gradeDiff, linkDiagnostics } from '../../generator/diff/grade.ts';
import { diffApps } from '../../generator/diff/index.ts';
import { DEFAULT_RUBRIC } from '../../generator/diff/rubric.ts';
import type { BehaviourResult, Change, ChangeClass } from '../../generator/diff/types.ts';
import { loadApp } from '../../generator/load/index.ts';
import type { Diagnostic } from '../../generator/model/diagnostic.ts';
import { RULES_BY_ID } from '../../generator/validate/index.ts';
import { copyApp, editText, referencePath } from './student-apps.ts';

const FILE = 'connections/academy/academy.oauth-communication.iml.json';

function change(
  code: string,
  cls: ChangeClass,
  component: string,
  pointer = '/token/response/data/expires',
  line = 37,
): Change {
  return {
    code,
    class: cls,
    component,
    section: 'communication',
    path: '',
    message: code,
    fix: `fix ${code}`,
    reference: { present: true },
    theirs: { present: true, location: { file: FILE, line, column: 20, pointer } },
  };
}
function diag(ruleId: string, pointer: string, line: number, file = FILE): Diagnostic {
  return { ruleId, severity: 'warning', message: ruleId, file, line, column: 1, pointer };
}

/** The topics each rule declares it explains, as the differ reads them. */
const explains = (ruleId: string) => RULES_BY_ID.get(ruleId)?.explains ?? [];

describe('lint findings are linked to the change they explain', () => {
  it.each([
    [
      'same place, topical rule',
      diag('oauth/expiry-unit', '/token/response/data/expires', 37),
      ['oauth/expiry-unit'],
    ],
    ['rule on the enclosing object', diag('oauth/expiry-unit', '/token/response', 30), ['oauth/expiry-unit']],
    ['same place, unrelated rule', diag('security/http-url', '/token/response/data/expires', 37), undefined],
    [
      'topical rule elsewhere in the file',
      diag('oauth/expiry-unit', '/refresh/response/data/expires', 90),
      undefined,
    ],
    [
      'topical rule in another file',
      diag('oauth/expiry-unit', '/token/response/data/expires', 37, 'general/base.iml.json'),
      undefined,
    ],
  ] as [string, Diagnostic, string[] | undefined][])('%s', (_name, d, expected) => {
    const c = change('D-EXPIRY-UNIT', 'behavioural', 'connections.academy');
    linkDiagnostics([c], [d], explains);
    expect(c.ruleIds).toEqual(expected);
  });
});

describe('a change with no precise place of its own', () => {
  it.each([
    [
      'a missing scope, finding on the request of the same component',
      'modules.searchMovies',
      ['scope/method-scope-missing'],
    ],
    ['a missing scope, finding on another component', 'modules.getMovie', undefined],
  ] as [string, string, string[] | undefined][])('%s', (_name, component, expected) => {
    const c: Change = {
      ...change('D-SCOPE-MISSING', 'breaking', 'modules.searchMovies', '', 1),
      section: 'scope',
      theirs: {
        present: false,
        location: {
          file: 'modules/search-movies/search-movies.scope.iml.json',
          line: 1,
          column: 1,
          pointer: '',
        },
      },
    };
    linkDiagnostics(
      [c],
      [
        {
          ...diag('scope/method-scope-missing', '/method', 3, 'modules/x.communication.iml.json'),
          component,
        },
      ],
      explains,
    );
    expect(c.ruleIds).toEqual(expected);
  });
});

describe('a missing field is explained only by a finding that names it', () => {
  it.each([
    [
      'the redirect mismatch explains a missing token redirect_uri',
      'token.body.redirect_uri',
      ['oauth/token-redirect-mismatch'],
    ],
    ['the redirect mismatch does not explain a missing authorize state', 'authorize.qs.state', undefined],
  ] as [string, string, string[] | undefined][])('%s', (_name, path, expected) => {
    const c: Change = {
      ...change(
        path.includes('.qs.') ? 'D-QUERY-FIELD-MISSING' : 'D-BODY-FIELD-MISSING',
        'breaking',
        'connections.academy',
      ),
      path,
      theirs: { present: false, location: { file: FILE, line: 5, column: 15, pointer: '/authorize/qs' } },
    };
    const finding: Diagnostic = {
      ...diag('oauth/token-redirect-mismatch', '/token/body', 21),
      message: 'The token request sends no redirect_uri; send the same redirect_uri as authorize.',
      component: 'connections.academy',
    };
    linkDiagnostics([c], [finding], explains);
    expect(c.ruleIds).toEqual(expected);
  });
});

describe('grading', () => {
  const none: BehaviourResult = { ran: false, scenarios: [], steps: [], equivalent: true };
  const changes = [
    change('D-COSMETIC', 'cosmetic', 'modules.a'),
    change('D-BEH', 'behavioural', 'modules.b'),
    change('D-BREAK', 'breaking', 'modules.b'),
    change('D-EQ', 'equivalent', 'modules.c'),
  ];
  const matches = ['a', 'b', 'c', 'd'].map((n) => ({
    kind: 'module' as const,
    reference: n,
    theirs: n,
    by: 'name' as const,
  }));

  it('passes a component when nothing breaking or behavioural differs, and weighs its distance', () => {
    const g = gradeDiff(changes, matches, none);
    const by = Object.fromEntries(g.components.map((c) => [c.component, c]));
    expect(by['modules.a']).toMatchObject({ pass: true, distance: 0, credit: 1 });
    expect(by['modules.b']).toMatchObject({
      pass: false,
      distance: 1.5,
      counts: { breaking: 1, behavioural: 1, cosmetic: 0, equivalent: 0 },
    });
    expect(by['modules.c']).toMatchObject({ pass: true, distance: 0 });
    expect(by['modules.d']).toMatchObject({ pass: true, distance: 0 });
    // base, a, c, d pass, b fails: 80 − 1 for the cosmetic change, then capped for the breaking one
    expect(g.score).toBe(DEFAULT_RUBRIC.breakingCap);
    expect(g).toMatchObject({ cappedBy: 'breaking', passed: false });
  });

  it('without the breaking change, the same app gets the share it earns', () => {
    const g = gradeDiff(
      changes.filter((c) => c.class !== 'breaking'),
      matches,
      none,
    );
    // b earns half its weight (one behavioural change); one cosmetic change costs a point
    expect(g.score).toBe(90 - 1);
    expect(g.passed).toBe(true);
  });

  it('lists a fix for every change that is not equivalent, breaking first, citing the linked rule', () => {
    const linked = changes.map((c) => ({ ...c }));
    linked[1].ruleIds = ['oauth/refresh-condition'];
    const g = gradeDiff(linked, matches, none);
    expect(g.fixes.map((f) => f.code)).toEqual(['D-BREAK', 'D-BEH', 'D-COSMETIC']);
    expect(g.fixes[1].ruleId).toBe('oauth/refresh-condition');
    expect(g.fixes[0].location?.file).toBe(FILE);
  });

  it('counts failing scenario steps in the score', () => {
    const behaviour: BehaviourResult = {
      ran: true,
      scenarios: ['s'],
      equivalent: false,
      steps: [
        {
          scenario: 's',
          index: 0,
          title: 'connect',
          pass: true,
          distance: 0,
          differences: [],
          reference: { requests: [] },
          theirs: { requests: [] },
          masked: [],
        },
        {
          scenario: 's',
          index: 1,
          title: 'run a',
          pass: false,
          distance: 0.5,
          differences: [],
          reference: { requests: [] },
          theirs: { requests: [] },
          masked: [],
        },
      ],
    };
    behaviour.steps[1].component = 'modules.a';
    const g = gradeDiff([], matches, behaviour);
    expect(g.steps.map((s) => s.pass)).toEqual([true, false]);
    // the component whose step failed fails too, with the step's distance
    expect(g.components.find((c) => c.component === 'modules.a')).toMatchObject({
      pass: false,
      distance: 0.5,
      steps: { total: 1, passed: 0 },
    });
    // components: a earns half of its weight 2 out of 10; steps: 1 of 2 pass; half and half
    expect(g.score).toBe(Math.round(100 * (0.5 * 0.9 + 0.5 * 0.5)));
    expect(countClasses(changes)).toEqual({ breaking: 1, behavioural: 1, cosmetic: 1, equivalent: 1 });
  });
});

describe('with the real linter', { timeout: 180_000 }, () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  it('the fix for an expiry in seconds cites the lint rule that flags it', async () => {
    const ref = referencePath();
    const dir = copyApp(ref);
    dirs.push(dir);
    editText(dir, 'connection', 'academy', 'communication', (t) =>
      t.replace(/addMinutes\(now, ?body\.expires_in\)/g, 'addSeconds(now, body.expires_in)'),
    );
    const r = await diffApps(loadApp(dir), loadApp(ref), { behaviour: false });
    expect(r.lint.ran, r.lint.note).toBe(true);
    const c = r.changes.find((x) => x.code === 'D-EXPIRY-UNIT');
    expect(c?.ruleIds?.length, JSON.stringify(r.lint)).toBeGreaterThan(0);
    expect(r.grade.fixes.find((f) => f.code === 'D-EXPIRY-UNIT')?.ruleId).toMatch(/expir|unit|lifetime/i);
  });
});
