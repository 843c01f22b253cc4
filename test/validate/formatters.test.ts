import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../generator/model/index.ts';
import { FORMAT_NAMES, FORMATTERS } from '../../generator/validate/formatters/index.ts';
import { ALL_RULES } from '../../generator/validate/rules/index.ts';
import { sarifValidator } from './sarif-schema.ts';

/** Findings with awkward content: XML/Markdown/workflow-command specials, unicode, multiline. */
const DS: Diagnostic[] = [
  {
    ruleId: 'iml/unknown-function',
    severity: 'error',
    message: 'Unknown IML function "trimm"; did you mean "trim"? <a & b> | 100% done,\nsecond line',
    file: 'modules/get movie/comm:1.iml.json',
    line: 3,
    column: 20,
    endLine: 3,
    endColumn: 25,
    pointer: '/url',
    component: 'modules.getMovie',
    related: [{ file: 'general/base.iml.json', line: 1, column: 1, pointer: '', message: 'see base' }],
  },
  {
    ruleId: 'structure/missing-label',
    severity: 'warning',
    message: 'modules.x has no label — add one',
    file: 'makecomapp.json',
    line: 10,
    column: 7,
    pointer: '/components/module/x',
  },
  {
    ruleId: 'schema/base',
    severity: 'info',
    message: 'ünïcødé \u0001 control',
    file: 'general/base.iml.json',
    line: 1,
    column: 1,
    pointer: '',
  },
];

describe('formatters', () => {
  it('every format renders findings and an empty list without throwing', () => {
    for (const name of FORMAT_NAMES) {
      expect(typeof FORMATTERS[name](DS, { rules: ALL_RULES })).toBe('string');
      expect(typeof FORMATTERS[name]([], { rules: ALL_RULES })).toBe('string');
    }
  });

  it('sarif output validates against the official SARIF 2.1.0 schema', () => {
    const validate = sarifValidator();
    for (const ds of [DS, []]) {
      const log = JSON.parse(FORMATTERS.sarif(ds, { rules: ALL_RULES }));
      const ok = validate(log);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('the SARIF validator rejects a broken log (so the check above can fail)', () => {
    const validate = sarifValidator();
    const log = JSON.parse(FORMATTERS.sarif(DS, { rules: ALL_RULES }));
    log.runs[0].results[0].level = 'fatal';
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(log)).toBe(false);
  });

  it('sarif results carry rule index, level, uri and region of each finding', () => {
    const log = JSON.parse(FORMATTERS.sarif(DS, { rules: ALL_RULES }));
    const run = log.runs[0];
    const r = run.results[0];
    expect(run.tool.driver.rules[r.ruleIndex].id).toBe('iml/unknown-function');
    expect(r.level).toBe('error');
    expect(run.results[2].level).toBe('note');
    expect(r.locations[0].physicalLocation.artifactLocation.uri).toBe(
      'modules/get%20movie/comm%3A1.iml.json',
    );
    expect(r.locations[0].physicalLocation.region).toEqual({
      startLine: 3,
      startColumn: 20,
      endLine: 3,
      endColumn: 25,
    });
    expect(r.relatedLocations[0].message.text).toBe('see base');
  });

  it('junit is well-formed testsuites > testsuite > testcase > failure with escaped text', () => {
    const out = FORMATTERS.junit(DS);
    expect(out).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    expect(out.match(/<testsuite /g)?.length).toBe(3);
    expect(out.match(/<testcase /g)?.length).toBe(3);
    expect(out.match(/<failure /g)?.length).toBe(1); // only the error fails the run
    expect(out).toContain('&lt;a &amp; b&gt;');
    expect(out).not.toContain('\u0001');
    // balanced elements: a crude but real well-formedness check
    for (const tag of ['testsuites', 'testsuite', 'failure'])
      expect(out.split(`<${tag} `).length).toBe(out.split(`</${tag}>`).length);
    expect(FORMATTERS.junit([])).toContain('<testcase classname="make-app lint" name="no findings"/>');
  });

  it('github annotations escape data and properties as workflow commands require', () => {
    const lines = FORMATTERS.github(DS).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      '::error file=modules/get movie/comm%3A1.iml.json,line=3,col=20,endLine=3,endColumn=25,title=iml/unknown-function::Unknown IML function "trimm"; did you mean "trim"? <a & b> | 100%25 done,%0Asecond line',
    );
    expect(lines[1]).toMatch(
      /^::warning file=makecomapp.json,line=10,col=7,title=structure\/missing-label::/,
    );
    expect(lines[2]).toMatch(/^::notice /);
  });

  it('markdown escapes table cells and summarises counts', () => {
    const out = FORMATTERS.markdown(DS);
    expect(out).toContain('3 problems: 1 error, 1 warning, 1 info.');
    expect(out).toContain('<a & b> \\| 100% done, second line');
    expect(out.split('\n').filter((l) => l.startsWith('| ')).length).toBe(5); // header, rule, 3 rows
  });

  it('stylish groups by file and json keeps every field', () => {
    const s = FORMATTERS.stylish(DS);
    expect(s).toContain('modules/get movie/comm:1.iml.json\n  3:20  error    Unknown IML function');
    expect(s).toMatch(/3 problems \(1 error, 1 warning, 1 info\)\n$/);
    const j = JSON.parse(FORMATTERS.json(DS, { suppressed: 2 }));
    expect(j.summary).toEqual({ error: 1, warning: 1, info: 1, suppressed: 2 });
    expect(j.diagnostics).toEqual(DS);
  });

  it('junit counts warnings as failures only when they fail the run', () => {
    const passing = FORMATTERS.junit(DS);
    expect(passing).toMatch(/<testsuites [^>]*failures="1"/);
    expect(passing).toContain('<system-out>warning structure/missing-label makecomapp.json:10:7');
    const failing = FORMATTERS.junit(DS, { warningsFail: true });
    expect(failing).toMatch(/<testsuites [^>]*failures="2"/);
    expect(failing.match(/<failure /g)?.length).toBe(2);
  });

  it('sarif paths resolve through originalUriBaseIds: the app root, below the repository root', () => {
    const validate = sarifValidator();
    const alone = JSON.parse(FORMATTERS.sarif(DS, { appRoot: '/work/repo/apps/notes' }));
    expect(alone.runs[0].originalUriBaseIds).toEqual({ APPROOT: { uri: 'file:///work/repo/apps/notes/' } });
    const inRepo = JSON.parse(
      FORMATTERS.sarif(DS, { appRoot: '/work/repo/apps/notes', repositoryRoot: '/work/repo' }),
    );
    expect(validate(inRepo)).toBe(true);
    expect(inRepo.runs[0].originalUriBaseIds).toEqual({
      SRCROOT: { uri: 'file:///work/repo/' },
      APPROOT: { uri: 'apps/notes/', uriBaseId: 'SRCROOT' },
    });
    const loc = inRepo.runs[0].results[1].locations[0].physicalLocation.artifactLocation;
    expect(loc).toEqual({ uri: 'makecomapp.json', uriBaseId: 'APPROOT' });
  });

  it('sarif logical locations name a connection as a resource, not a module', () => {
    const conn: Diagnostic = { ...DS[1], component: 'connections.academy' };
    const log = JSON.parse(FORMATTERS.sarif([DS[0], conn]));
    const kinds = log.runs[0].results.map(
      (r: { locations: { logicalLocations: { kind: string }[] }[] }) =>
        r.locations[0].logicalLocations[0].kind,
    );
    expect(kinds).toEqual(['module', 'resource']);
  });

  it('github annotations use repository-relative paths when both roots are known', () => {
    const out = FORMATTERS.github([DS[1]], {
      appRoot: '/work/repo/apps/notes',
      repositoryRoot: '/work/repo',
    });
    expect(out).toContain('file=apps/notes/makecomapp.json');
  });
});
