import { describe, expect, it } from 'vitest';
import { InputError } from '../../generator/cli/errors.ts';
import {
  academyV2Profile,
  applyBaseline,
  baselineProblem,
  createBaseline,
  genericProfile,
  lintApp,
  parseConfig,
  resolveProfile,
  scopeForRequest,
  UnknownProfileError,
} from '../../generator/validate/index.ts';
import { ACADEMY_BASE, academyConnection, bundle, module } from '../../generator/validate/rules/case-kit.ts';
import { RULES_BY_ID } from '../../generator/validate/rules/index.ts';
import { globToRegExp } from '../../generator/validate/suppress/globs.ts';
import { parseSuppressions } from '../../generator/validate/suppress/inline-comments.ts';
import { loadCase } from './case-app.ts';

const rule = (id: string) => {
  const r = RULES_BY_ID.get(id);
  if (!r) throw new Error(id);
  return r;
};

/** An Academy app whose module sends DELETE with only "read" and reads an undeclared parameter. */
const APP = bundle({
  base: ACADEMY_BASE,
  connections: { academy: academyConnection() },
  modules: {
    deleteMovie: module(
      'action',
      `"communication": { "url": "/movies/{{parameters.movieId}}", "method": "DELETE" }, "mappableParams": [{ "name": "id", "type": "text", "label": "ID" }], "scope": ["read"]`,
    ),
  },
});

describe('lintApp', () => {
  it('runs every rule, detects the Academy profile from the URLs and sorts findings', () => {
    const r = lintApp(loadCase(APP), {}, { skipSchemas: true });
    expect(r.profile).toBe('academy-v2');
    const ids = r.diagnostics.map((d) => d.ruleId);
    expect(ids).toContain('scope/method-scope-missing');
    expect(ids).toContain('iml/undeclared-parameter');
    const keys = r.diagnostics.map((d) => [d.file, d.line, d.column]);
    expect(keys).toEqual(
      [...keys].sort(
        (a, b) =>
          String(a[0]).localeCompare(String(b[0])) ||
          Number(a[1]) - Number(b[1]) ||
          Number(a[2]) - Number(b[2]),
      ),
    );
  });

  it('applies config severities by exact id and by family, and "off" drops a rule', () => {
    const r = lintApp(
      loadCase(APP),
      { rules: { 'scope/*': 'warning', 'iml/undeclared-parameter': 'off' } },
      { skipSchemas: true },
    );
    expect(r.diagnostics.find((d) => d.ruleId === 'scope/method-scope-missing')?.severity).toBe('warning');
    expect(r.diagnostics.some((d) => d.ruleId === 'iml/undeclared-parameter')).toBe(false);
  });

  it('the generic profile has no method→scope map, so the method rule stays silent', () => {
    const r = lintApp(
      loadCase(APP),
      { profile: 'generic' },
      { rules: [rule('scope/method-scope-missing')], skipSchemas: true },
    );
    expect(r.diagnostics).toEqual([]);
  });

  it('a config-defined profile drives the rules (minutes vs seconds)', () => {
    const app = loadCase(bundle({ connections: { academy: academyConnection() } }));
    const only = { rules: [rule('oauth/expiry-unit')], skipSchemas: true };
    expect(lintApp(app, {}, only).diagnostics).toEqual([]);
    const r = lintApp(app, { profile: 'secs', profiles: { secs: { lifetimeUnit: 'seconds' } } }, only);
    expect(r.profile).toBe('secs');
    // token and refresh each compute data.expires and the connection expires with addMinutes
    expect(r.diagnostics.length).toBe(4);
  });

  it('an unknown profile name is a typed error', () => {
    expect(() => lintApp(loadCase(APP), { profile: 'nope' })).toThrow(UnknownProfileError);
  });

  it('ignore globs drop findings of matching files and count them as suppressed', () => {
    const r = lintApp(loadCase(APP), { ignore: ['app.bundle.json'] }, { skipSchemas: true });
    expect(r.diagnostics).toEqual([]);
    expect(r.suppressed).toBeGreaterThan(0);
  });

  it('a baseline accepts known findings (by rule, file, pointer, message) and only new ones remain', () => {
    const first = lintApp(loadCase(APP), {}, { skipSchemas: true });
    const baseline = createBaseline(first.diagnostics);
    expect(baselineProblem(baseline)).toBeUndefined();
    // the same app with an extra line at the top: lines move, the baseline still matches
    const moved = lintApp(loadCase(`\n\n${APP}`), { baseline }, { skipSchemas: true });
    expect(moved.diagnostics).toEqual([]);
    expect(moved.suppressed).toBe(first.diagnostics.length);
    // a new problem is not hidden
    const worse = APP.replace('"scope": ["read"]', '"scope": ["read", "reads"]');
    const r = lintApp(loadCase(worse), { baseline }, { skipSchemas: true });
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['scope/module-scope-not-in-list']);
  });

  it('baseline counts: one entry with count 2 accepts exactly two identical findings', () => {
    const d = {
      ruleId: 'x/y',
      severity: 'error' as const,
      message: 'm',
      file: 'f',
      line: 1,
      column: 1,
      pointer: '/a',
    };
    const { kept, accepted } = applyBaseline([d, { ...d, line: 2 }, { ...d, line: 3 }], {
      version: 1,
      findings: [{ ruleId: 'x/y', file: 'f', pointer: '/a', message: 'm', count: 2 }],
    });
    expect(accepted).toBe(2);
    expect(kept.map((k) => k.line)).toEqual([3]);
    expect(baselineProblem({ version: 2, findings: [] })).toMatch(/version/);
    expect(baselineProblem({ version: 1, findings: [{ ruleId: 1 }] })).toMatch(/ruleId/);
  });
});

describe('inline disable comments', () => {
  it('parses next-line, same-line and file-level forms with rule lists and reasons', () => {
    const s = parseSuppressions(
      '{\n  // make-app-disable-next-line a/b, c/* -- legacy\n  "x": 1, // make-app-disable-line d/e\n  /* make-app-disable */\n  "s": "// make-app-disable-line not-a-comment"\n}',
    );
    expect(s.lines.get(3)).toEqual([['a/b', 'c/*'], ['d/e']]);
    expect(s.file).toEqual([[]]);
    expect(s.lines.get(5)).toBeUndefined();
  });
});

describe('config file', () => {
  it('accepts JSONC with rules, profile, ignore and profiles', () => {
    const c = parseConfig(
      '{ // comment\n "profile": "academy-v2", "rules": { "oauth/*": "off" }, "ignore": ["x/**"],\n "profiles": { "p": { "lifetimeUnit": "hours", "methodScopes": [{ "method": "GET", "scope": "r" }] } } }',
      'make-app.config.json',
    );
    expect(c.rules).toEqual({ 'oauth/*': 'off' });
  });

  it('rejects a wrong severity with file, line and column', () => {
    try {
      parseConfig('{\n  "rules": {\n    "oauth/*": "fatal"\n  }\n}', 'cfg.json');
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).location).toEqual({ file: 'cfg.json', line: 3, column: 16 });
      expect((e as Error).message).toMatch(/error, warning, info, off/);
    }
  });

  it('rejects unknown keys and broken JSON with a position', () => {
    expect(() => parseConfig('{ "rulez": {} }', 'c.json')).toThrow(/rulez/);
    expect(() => parseConfig('{ "rules": ', 'c.json')).toThrow(InputError);
  });
});

describe('profiles', () => {
  it('academy-v2: GET needs read except /info, writes need write, DELETE needs delete', () => {
    expect(scopeForRequest(academyV2Profile, 'GET', '/movies')).toBe('read');
    expect(scopeForRequest(academyV2Profile, 'GET', '/info')).toBeUndefined();
    expect(scopeForRequest(academyV2Profile, 'PATCH', '/movies/1')).toBe('write');
    expect(scopeForRequest(academyV2Profile, 'DELETE', '/movies/1')).toBe('delete');
    expect(academyV2Profile.lifetimeUnit).toBe('minutes');
    expect(scopeForRequest(genericProfile, 'GET', '/x')).toBeUndefined();
  });

  it('is detected from the host of any URL and falls back to generic', () => {
    expect(resolveProfile(['https://app-academy.make.com/api/v2']).name).toBe('academy-v2');
    expect(resolveProfile(['https://api.example.com']).name).toBe('generic');
    expect(
      resolveProfile(['https://api.example.com'], undefined, { ex: { hosts: ['api.example.com'] } }).name,
    ).toBe('ex');
  });
});

describe('globs', () => {
  it('matches ** across folders, * within one, and bare folders', () => {
    expect(globToRegExp('modules/**/*.json').test('modules/a/b/c.json')).toBe(true);
    expect(globToRegExp('modules/*.json').test('modules/a/c.json')).toBe(false);
    expect(globToRegExp('modules').test('modules/a/c.json')).toBe(true);
    expect(globToRegExp('**/x.json').test('x.json')).toBe(true);
  });
});

describe('inline comments in makecomapp.json (no code document)', () => {
  it('silence findings reported on the manifest', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'lint-manifest-'));
    try {
      mkdirSync(path.join(dir, 'modules'), { recursive: true });
      writeFileSync(
        path.join(dir, 'modules', 'about.communication.iml.json'),
        '{ "url": "https://api.example.com/about" }',
      );
      const manifest = (comment: string) => `{
  "fileVersion": 1,
  "generalCodeFiles": { "base": null, "common": null, "readme": null, "groups": null },
  "components": {
    "connection": {}, "webhook": {}, "rpc": {}, "function": {},
    "module": {
      ${comment}
      "about": { "moduleType": "action", "description": "Returns it.", "codeFiles": { "communication": "modules/about.communication.iml.json" } }
    }
  },
  "origins": []
}`;
      const only = { rules: [rule('structure/missing-label')], skipSchemas: true };
      writeFileSync(path.join(dir, 'makecomapp.json'), manifest(''));
      const { loadApp } = await import('../../generator/load/index.ts');
      const before = lintApp(loadApp(dir), {}, only);
      expect(before.diagnostics.map((d) => [d.file, d.line])).toEqual([['makecomapp.json', 8]]);
      writeFileSync(
        path.join(dir, 'makecomapp.json'),
        manifest('// make-app-disable-next-line structure/missing-label'),
      );
      const after = lintApp(loadApp(dir), {}, only);
      expect(after.diagnostics).toEqual([]);
      expect(after.suppressed).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a rule that throws', () => {
  it('becomes one lint/rule-crashed error and the other rules still report', () => {
    const boom = {
      ...rule('structure/missing-label'),
      id: 'structure/boom',
      check: () => {
        throw new Error('kaboom');
      },
    };
    const r = lintApp(
      loadCase(APP),
      {},
      { rules: [boom, rule('iml/undeclared-parameter')], skipSchemas: true },
    );
    const crashed = r.diagnostics.filter((d) => d.ruleId === 'lint/rule-crashed');
    expect(crashed).toHaveLength(1);
    expect(crashed[0].message).toContain('structure/boom');
    expect(crashed[0].message).toContain('kaboom');
    expect(r.diagnostics.some((d) => d.ruleId === 'iml/undeclared-parameter')).toBe(true);
  });
});
