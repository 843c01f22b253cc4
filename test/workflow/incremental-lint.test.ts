/**
 * A lint that reuses the previous lint's parsed documents and disk texts (as the language server
 * does on every keystroke) must report exactly what a lint from scratch reports on the same texts:
 * after edits in unsaved buffers and on disk (each disk change reported, as a watching client
 * does), cross-file ones included, and when a text comes back.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskSnapshot, DocumentCache } from '../../generator/load/index.ts';
import { lintWithOverlay, type OverlayLintResult } from '../../generator/workflow/lint-overlay.ts';
import { corpusApps, corpusAvailable } from '../corpus/corpus-apps.ts';

let app: string;
const buffers = new Map<string, string>();
const cache = new DocumentCache();
const disk = new DiskSnapshot();
const file = (rel: string) => path.join(app, rel);
/** Changes the disk and tells the snapshot, as the server does when the client reports it. */
const writeDisk = (rel: string, text: string) => {
  writeFileSync(file(rel), text);
  disk.forget(file(rel));
};
const removeDisk = (rel: string) => {
  rmSync(file(rel), { recursive: true });
  disk.forget(file(rel));
};
const COMM = 'modules/get-movie/get-movie.communication.iml.json';
const PARAMS = 'modules/get-movie/get-movie.mappable-params.iml.json';

/** What a report says (everything but the app model). */
const findings = (r: OverlayLintResult) => ({
  diagnostics: r.diagnostics,
  configProblems: r.configProblems,
  suppressed: r.suppressed,
  profile: r.profile,
});

/** Lints with the cache and from scratch; they must agree. Returns the findings. */
function lintBoth(target = app, documents = cache, snapshot = disk) {
  const readText = (abs: string) => buffers.get(abs);
  const incremental = findings(lintWithOverlay({ target, readText, documents, disk: snapshot }));
  const full = findings(lintWithOverlay({ target, readText }));
  expect(incremental).toEqual(full);
  return incremental;
}
const rulesIn = (f: ReturnType<typeof lintBoth>, rel: string) =>
  f.diagnostics.filter((d) => d.file === rel).map((d) => d.ruleId);
const edit = (rel: string, change: (text: string) => string) =>
  buffers.set(file(rel), change(buffers.get(file(rel)) ?? readFileSync(file(rel), 'utf8')));

beforeAll(() => {
  app = path.join(mkdtempSync(path.join(tmpdir(), 'incremental-')), 'academy');
  cpSync(path.resolve(import.meta.dirname, '../../dist-app'), app, { recursive: true });
});
afterAll(() => rmSync(path.dirname(app), { recursive: true, force: true }));

describe('a lint reusing parsed documents equals a full lint', () => {
  it('on the unchanged app, twice', () => {
    const clean = lintBoth();
    expect(lintBoth()).toEqual(clean);
  });

  it('after a misspelt parameter in an unsaved buffer, and after its fix', () => {
    const original = readFileSync(file(COMM), 'utf8');
    edit(COMM, (t) => t.replace('parameters.movieId', 'parameters.movieID'));
    expect(rulesIn(lintBoth(), COMM)).toEqual(['iml/undeclared-parameter']);
    buffers.set(file(COMM), original);
    expect(rulesIn(lintBoth(), COMM)).toEqual([]);
  });

  it('after renaming a parameter in the mappable-params file (the communication file changes)', () => {
    edit(PARAMS, (t) => t.replace('"movieId"', '"filmId"'));
    const renamed = lintBoth();
    expect(rulesIn(renamed, COMM)).toContain('iml/undeclared-parameter');
    expect(rulesIn(renamed, PARAMS)).toContain('iml/unused-parameter');
    buffers.delete(file(PARAMS)); // the editor closed it: the disk text counts again
    expect(rulesIn(lintBoth(), COMM)).toEqual([]);
  });

  it('keeps the IML of an unchanged file, bare iterate expressions included, while another file changes', () => {
    const search = 'modules/search-movies/search-movies.communication.iml.json';
    edit(search, (t) => t.replace(/"iterate": "[^"]*"/, '"iterate": "flaten(body.items)"'));
    expect(rulesIn(lintBoth(), search)).toContain('iml/unknown-function');
    edit(COMM, (t) => t.replace('parameters.movieId', 'parameters.movieID'));
    const f = lintBoth();
    expect(rulesIn(f, search)).toContain('iml/unknown-function');
    expect(rulesIn(f, COMM)).toEqual(['iml/undeclared-parameter']);
    buffers.clear();
  });

  it('after broken JSON, a schema violation and an inline disable comment', () => {
    edit(COMM, (t) => t.replace('{', '{ "url": '));
    expect(rulesIn(lintBoth(), COMM)).toContain('load/json-syntax');
    buffers.delete(file(COMM));
    edit(COMM, (t) => t.replace(/"method": "GET"/, '"method": 42'));
    expect(rulesIn(lintBoth(), COMM).some((r) => r.startsWith('schema/'))).toBe(true);
    edit(COMM, (t) => `// make-app-disable-file\n${t}`);
    lintBoth();
    buffers.delete(file(COMM));
  });

  it('after edits on disk: a changed file, a deleted file, a changed manifest, a config file', () => {
    const text = readFileSync(file(COMM), 'utf8');
    writeDisk(COMM, text.replace('parameters.movieId', 'parameters.movie_id'));
    expect(rulesIn(lintBoth(), COMM)).toEqual(['iml/undeclared-parameter']);
    writeDisk(COMM, text);
    removeDisk(PARAMS);
    expect(lintBoth().diagnostics.some((d) => d.ruleId === 'load/file-not-found')).toBe(true);
    const manifest = readFileSync(file('makecomapp.json'), 'utf8');
    writeDisk('makecomapp.json', manifest.replace('"getMovie": {', '"getFilm": {'));
    expect(rulesIn(lintBoth(), 'modules/groups.json')).toEqual(['structure/group-unknown-module']);
    writeDisk('makecomapp.json', manifest);
    writeFileSync(file('make-app.config.json'), '{ "rules": { "iml/undeclared-parameter": "warning" } }');
    const configured = lintBoth().diagnostics.filter((d) => d.ruleId === 'iml/undeclared-parameter');
    expect(configured.map((d) => d.severity)).toEqual(['warning']);
    unlinkSync(file('make-app.config.json'));
  });

  it('after a folder is deleted (one report for the folder) and a stray file appears', () => {
    removeDisk('rpcs/list-genres');
    const gone = lintBoth();
    expect(gone.diagnostics.filter((d) => d.ruleId === 'load/file-not-found').length).toBeGreaterThan(1);
    writeDisk('modules/stray.json', '{}');
    expect(rulesIn(lintBoth(), 'modules/stray.json')).toEqual(['load/unreferenced-file']);
  });

  it('when two files hold the same text, each finding names its own file', () => {
    const broken = '{ "url": "/movies/{{parameters.nope}}", "method": 42 }';
    const other = 'modules/search-movies/search-movies.communication.iml.json';
    buffers.set(file(COMM), broken);
    buffers.set(file(other), broken);
    const f = lintBoth();
    const undeclared = f.diagnostics.filter((d) => d.ruleId === 'iml/undeclared-parameter');
    expect(undeclared.map((d) => [d.file, d.component])).toEqual([
      [COMM, 'modules.getMovie'],
      [other, 'modules.searchMovies'],
    ]);
    buffers.clear();
    lintBoth();
  });
});

describe.skipIf(!corpusAvailable)(
  'on every corpus app, a second lint with the caches equals a full lint',
  () => {
    it('for each app', () => {
      for (const target of corpusApps()) {
        const documents = new DocumentCache();
        const snapshot = new DiskSnapshot();
        try {
          lintWithOverlay({ target, documents, disk: snapshot });
        } catch {
          continue; // no app there: the full lint throws the same, nothing to compare
        }
        lintBoth(target, documents, snapshot);
      }
    });
  },
);
