/**
 * The calibration class: submissions with the grade band each must land in. Built in a temporary
 * folder from the reference (correct, reformatted, one typical mistake each) and from independently
 * written apps (test/fixtures/grade/independent/, written from the API docs only) graded on an
 * assignment.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadApp } from '../../generator/load/index.ts';
import {
  copyApp,
  DIST_APP,
  editCode,
  editManifest,
  editOauth,
  editText,
  reformat,
  writeBundle,
  writeImljsonExport,
} from '../diff/student-apps.ts';
import { zipFolder } from './zip.ts';

export interface Member {
  name: string;
  /** Inclusive grade band. */
  band: [number, number];
  /** Expected `equivalent` (unset: not checked). */
  equivalent?: boolean;
  /** The row must carry an error. */
  error?: boolean;
}

type Json = any;
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/grade');
export const ASSIGNMENT = path.join(FIXTURES, 'movies-crud.assignment.yaml');
const FILM_LIBRARY = path.join(FIXTURES, 'independent/film-library.json');

const FULL = [100, 100] as [number, number];
const BREAKING = [0, 40] as [number, number];
const MISTAKE = [0, 95] as [number, number];

/** Each mutation of the reference and the band it must land in. */
const REFERENCE_CLASS: (Member & { make: (dir: string) => string | undefined })[] = [
  { name: 'correct', band: FULL, equivalent: true, make: () => undefined },
  { name: 'reformatted', band: FULL, equivalent: true, make: (d) => void reformat(d) },
  {
    name: 'older-export',
    band: FULL,
    equivalent: true,
    make: () => writeImljsonExport(loadApp(DIST_APP)),
  },
  {
    name: 'bundle.json',
    band: FULL,
    equivalent: true,
    make: () => writeBundle(loadApp(DIST_APP)),
  },
  { name: 'zipped.zip', band: FULL, equivalent: true, make: (d) => zipFolder(d) },
  {
    name: 'labels-reworded',
    band: [95, 99],
    equivalent: true,
    make: (d) =>
      void editManifest(d, (m) => {
        m.components.module.getMovie.label = 'Fetch one movie';
        m.components.module.createMovie.description = 'Adds a movie.';
      }),
  },
  {
    name: 'get-movie-url-typo',
    band: BREAKING,
    equivalent: false,
    make: (d) =>
      void editCode(d, 'module', 'getMovie', 'communication', (v) => {
        v.url = '/movies/';
      }),
  },
  {
    name: 'rpc-without-url',
    band: BREAKING,
    equivalent: false,
    make: (d) => void editCode(d, 'rpc', 'listGenres', 'communication', (v) => void delete v.url),
  },
  {
    name: 'create-with-put',
    band: BREAKING,
    equivalent: false,
    make: (d) =>
      void editCode(d, 'module', 'createMovie', 'communication', (v) => {
        v.method = 'PUT';
      }),
  },
  {
    name: 'token-without-redirect-uri',
    band: BREAKING,
    equivalent: false,
    make: (d) =>
      void editOauth(d, 'token', (req) => {
        if (req.body?.redirect_uri !== undefined) delete req.body.redirect_uri;
        else delete req.qs.redirect_uri;
      }),
  },
  {
    name: 'access-token-typo',
    band: BREAKING,
    equivalent: false,
    make: (d) =>
      void editText(d, 'general', null, 'base', (t) =>
        t.replace('connection.accessToken', 'connection.accesToken'),
      ),
  },
  {
    name: 'create-without-name',
    band: BREAKING,
    equivalent: false,
    make: (d) =>
      void editCode(d, 'module', 'createMovie', 'communication', (v) => {
        const req = Array.isArray(v) ? v[v.length - 1] : v;
        delete req.body.name;
      }),
  },
  {
    name: 'delete-module-missing',
    band: BREAKING,
    equivalent: false,
    make: (d) => void editManifest(d, (m) => void delete m.components.module.deleteMovie),
  },
  {
    name: 'base-url-changed',
    band: BREAKING,
    equivalent: false,
    make: (d) =>
      void editCode(d, 'general', null, 'base', (v) => {
        v.baseUrl = 'https://app-academy.make.com/api/v1';
      }),
  },
  {
    name: 'three-breaking-changes',
    band: BREAKING,
    equivalent: false,
    make: (d) => {
      editCode(d, 'module', 'getMovie', 'communication', (v) => {
        v.url = '/movies/';
      });
      editCode(d, 'module', 'createMovie', 'communication', (v) => {
        v.method = 'PUT';
      });
      editCode(d, 'rpc', 'listGenres', 'communication', (v) => void delete v.url);
      return undefined;
    },
  },
  {
    name: 'refresh-without-condition',
    band: MISTAKE,
    equivalent: false,
    make: (d) => void editOauth(d, 'refresh', (req) => void delete req.condition),
  },
  {
    name: 'pagination-off-by-one',
    band: MISTAKE,
    equivalent: false,
    make: (d) =>
      void editCode(d, 'module', 'searchMovies', 'communication', (v) => {
        const req = Array.isArray(v) ? v[v.length - 1] : v;
        const cond: string = req.pagination.condition;
        req.pagination.condition = cond.includes('>=')
          ? cond.replace('>=', '>')
          : cond.includes('<=')
            ? cond.replace('<=', '<')
            : cond.replace('<', '<=');
      }),
  },
  {
    name: 'expiry-in-seconds',
    band: MISTAKE,
    equivalent: false,
    make: (d) =>
      void editText(d, 'connection', 'academy', 'communication', (t) =>
        t.replaceAll('addMinutes(', 'addSeconds('),
      ),
  },
  {
    name: 'get-movie-returns-name-only',
    band: MISTAKE,
    equivalent: false,
    make: (d) =>
      void editCode(d, 'module', 'getMovie', 'communication', (v) => {
        v.response = { output: { name: '{{body.name}}' } };
      }),
  },
];

/** The independent app and mistakes made on it, graded on the assignment. */
const ASSIGNMENT_CLASS: (Member & { edit?: (b: Json) => void; file?: (text: string) => string })[] = [
  { name: 'film-library', band: [90, 100] },
  {
    name: 'film-library-reformatted',
    band: [90, 100],
    file: (t) => JSON.stringify(JSON.parse(t), null, 4).replace(/\{\{/g, '{{ ').replace(/\}\}/g, ' }}'),
  },
  {
    name: 'film-library-make-redirect',
    band: [90, 100],
    edit: (b) => {
      const c = b.components.connection.appAcademy.codes.communication;
      c.authorize.qs.redirect_uri = '{{oauth.makeRedirectUri}}';
      c.token.body.redirect_uri = '{{oauth.makeRedirectUri}}';
    },
  },
  {
    name: 'film-library-with-extra-module',
    band: [90, 100],
    edit: (b) => {
      b.components.module.listPeople = {
        label: 'List people',
        moduleType: 'search',
        connection: 'appAcademy',
        codes: {
          communication: { url: '/people', response: { iterate: '{{body.people}}' } },
          scope: ['read'],
        },
      };
    },
  },
  {
    name: 'film-library-foreign-redirect',
    band: BREAKING,
    equivalent: false,
    edit: (b) => {
      const c = b.components.connection.appAcademy.codes.communication;
      c.authorize.qs.redirect_uri = 'https://example.com/callback';
      c.token.body.redirect_uri = 'https://example.com/callback';
    },
  },
  {
    name: 'film-library-fetch-url-typo',
    band: BREAKING,
    equivalent: false,
    edit: (b) => {
      b.components.module.fetchFilm.codes.communication.url = '/movies/';
    },
  },
  {
    name: 'film-library-no-delete-scope',
    band: BREAKING,
    equivalent: false,
    edit: (b) => {
      b.components.module.removeFilm.codes.scope = [];
    },
  },
  {
    name: 'film-library-without-remove',
    band: BREAKING,
    equivalent: false,
    edit: (b) => void delete b.components.module.removeFilm,
  },
  {
    name: 'film-library-add-with-put',
    band: BREAKING,
    equivalent: false,
    edit: (b) => {
      b.components.module.addFilm.codes.communication.method = 'PUT';
    },
  },
  {
    name: 'film-library-search-not-iterating',
    band: MISTAKE,
    equivalent: false,
    edit: (b) => void delete b.components.module.findFilms.codes.communication.response.iterate,
  },
  { name: 'broken-json', band: [0, 0], error: true, file: () => '{ "bundleVersion": 1, "app": ' },
];

/** Writes both classes into a new folder: `<root>/reference/...` and `<root>/assignment/...`. */
export function buildCalibrationClass(): {
  root: string;
  reference: string;
  assignment: string;
  members: Map<string, Member>;
} {
  const root = mkdtempSync(path.join(tmpdir(), 'grade-calibration-'));
  const reference = path.join(root, 'reference');
  const assignment = path.join(root, 'assignment');
  mkdirSync(reference);
  mkdirSync(assignment);
  const members = new Map<string, Member>();
  for (const [i, m] of REFERENCE_CLASS.entries()) {
    const dir = copyApp(DIST_APP);
    const made = m.make(dir) ?? dir;
    const name = `${String(i + 1).padStart(2, '0')}-${m.name}`;
    const target = path.join(reference, name);
    cpSync(made, target, { recursive: true });
    members.set(path.basename(target), m);
  }
  const text = readFileSync(FILM_LIBRARY, 'utf8');
  for (const [i, m] of ASSIGNMENT_CLASS.entries()) {
    const bundle = JSON.parse(text);
    m.edit?.(bundle);
    const out = m.file ? m.file(JSON.stringify(bundle)) : `${JSON.stringify(bundle, null, 2)}\n`;
    const name = `${String(i + 1).padStart(2, '0')}-${m.name}.json`;
    writeFileSync(path.join(assignment, name), out);
    members.set(name, m);
  }
  return { root, reference, assignment, members };
}
