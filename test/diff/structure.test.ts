import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { diffApps } from '../../generator/diff/index.ts';
import type { DiffReport } from '../../generator/diff/types.ts';
import { loadApp } from '../../generator/load/index.ts';
import {
  codePath,
  copyApp,
  editCode,
  editManifest,
  editOauth,
  editText,
  referencePath,
  reformat,
} from './student-apps.ts';

const REF = referencePath();
const reference = loadApp(REF);
const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

async function diffStudent(mutate: (dir: string) => void): Promise<DiffReport> {
  const dir = copyApp(REF);
  made.push(dir);
  mutate(dir);
  return diffApps(loadApp(dir), reference, { behaviour: false, lint: false });
}

const removeScope = (list: string[], s: string) => list.filter((x) => x !== s);

describe('a student app formatted differently but meaning the same', () => {
  it('is reported as equivalent, with only "equivalent" changes', async () => {
    const r = await diffStudent(reformat);
    const notEquivalent = r.changes.filter((c) => c.class !== 'equivalent');
    expect(notEquivalent).toEqual([]);
    expect(r.verdict).toBe('equivalent');
    expect(r.behaviourEquivalent).toBe(true);
    expect(r.counts.equivalent).toBeGreaterThan(0);
    expect(r.changes.every((c) => c.code === 'D-WRITTEN-DIFFERENTLY')).toBe(true);
  });

  it.each([
    [
      'absolute URLs instead of URLs relative to the base URL',
      (d: string) => {
        const base = JSON.parse(readFileSync(codePath(d, 'general', null, 'base'), 'utf8'));
        for (const name of ['getMovie', 'searchMovies', 'createMovie'])
          editCode(d, 'module', name, 'communication', (v) => {
            for (const req of Array.isArray(v) ? v : [v]) req.url = `${base.baseUrl}${req.url}`;
          });
      },
    ],
    [
      'doubled slashes in module URLs (Make collapses them when it joins the base URL)',
      (d: string) => {
        for (const name of ['getMovie', 'searchMovies', 'createMovie'])
          editCode(d, 'module', name, 'communication', (v) => {
            for (const req of Array.isArray(v) ? v : [v]) req.url = `/${req.url.replace(/\//g, '//')}`;
          });
      },
    ],
    [
      'the authorization header written in every module and RPC instead of base',
      (d: string) => {
        let header = '';
        editCode(d, 'general', null, 'base', (v) => {
          header = v.headers.authorization;
          delete v.headers;
        });
        for (const kind of ['module', 'rpc'] as const)
          for (const [name, c] of Object.entries(reference.components[kind]))
            if (c.codes.communication)
              editCode(d, kind, name, 'communication', (v) => {
                for (const req of Array.isArray(v) ? v : [v])
                  if (req.url) req.headers = { ...req.headers, Authorization: header };
              });
      },
    ],
    [
      'an iterate container written as a bare path',
      (d: string) =>
        editCode(d, 'module', 'searchMovies', 'communication', (v) => {
          const req = Array.isArray(v) ? v[v.length - 1] : v;
          const it = req.response.iterate;
          const container: string = typeof it === 'string' ? it : it.container;
          req.response.iterate = container.replace(/^\{\{(.*)\}\}$/, '$1');
        }),
    ],
    [
      'every scope the modules need asked for by default as well',
      (d: string) =>
        editCode(d, 'connection', 'academy', 'defaultScope', () => ['connect', 'read', 'write', 'delete']),
    ],
    [
      "an epoch that leaves out what it inherits from the trigger's request",
      (d: string) => {
        const trigger = Object.entries(reference.components.module).find(([, c]) => c.codes.epoch)?.[0];
        if (!trigger) throw new Error('the reference has no polling trigger with an epoch');
        const comm = reference.components.module[trigger].codes.communication?.value as Record<
          string,
          unknown
        >;
        const req = (Array.isArray(comm) ? comm[comm.length - 1] : comm) as Record<string, unknown>;
        let removed = 0;
        editCode(d, 'module', trigger, 'epoch', (v) => {
          for (const k of ['url', 'method', 'headers', 'qs', 'pagination'])
            if (v[k] !== undefined && JSON.stringify(v[k]) === JSON.stringify(req[k])) {
              delete v[k];
              removed++;
            }
        });
        if (removed === 0) throw new Error('nothing in the epoch repeats the trigger');
      },
    ],
  ])('%s is equivalent', async (_name, mutate) => {
    const r = await diffStudent(mutate);
    expect(
      r.changes.filter((c) => c.class !== 'equivalent').map((c) => [c.code, c.component, c.path]),
    ).toEqual([]);
    expect(r.verdict).toBe('equivalent');
  });

  it('an unchanged copy has no changes at all', async () => {
    const r = await diffStudent(() => {});
    expect(r.changes).toEqual([]);
    expect(r.grade.score).toBe(100);
  });
});

interface Mistake {
  name: string;
  mutate: (dir: string) => void;
  code: string;
  cls: string;
  component: string;
  /** Words the explanation must contain. */
  says: RegExp;
}

const MISTAKES: Mistake[] = [
  {
    name: 'expiry computed in seconds instead of minutes',
    mutate: (d) =>
      editText(d, 'connection', 'academy', 'communication', (t) =>
        t.replace(/addMinutes\(now, ?body\.expires_in\)/g, 'addSeconds(now, body.expires_in)'),
      ),
    code: 'D-EXPIRY-UNIT',
    cls: 'behavioural',
    component: 'connections.academy',
    says: /counts in seconds where the reference counts in minutes.*60× too early/s,
  },
  {
    name: 'token request without redirect_uri',
    mutate: (d) =>
      editOauth(d, 'token', (req) => {
        if (req.body?.redirect_uri !== undefined) delete req.body.redirect_uri;
        else delete req.qs.redirect_uri;
      }),
    code: 'D-BODY-FIELD-MISSING|D-QUERY-FIELD-MISSING',
    cls: 'breaking',
    component: 'connections.academy',
    says: /redirect_uri.*invalid_grant/s,
  },
  {
    name: 'refresh without a condition',
    mutate: (d) => editOauth(d, 'refresh', (req) => void delete req.condition),
    code: 'D-REFRESH-CONDITION-MISSING',
    cls: 'behavioural',
    component: 'connections.academy',
    says: /every use/,
  },
  {
    name: 'the read scope missing from a module',
    mutate: (d) => editCode(d, 'module', 'searchMovies', 'scope', (v) => removeScope(v, 'read')),
    code: 'D-SCOPE-MISSING',
    cls: 'breaking',
    component: 'modules.searchMovies',
    says: /"read".*403/s,
  },
  {
    name: 'a typo in connection.accessToken',
    mutate: (d) =>
      editText(d, 'general', null, 'base', (t) =>
        t.replace('connection.accessToken', 'connection.accesToken'),
      ),
    code: 'D-REFERENCE-TYPO',
    cls: 'breaking',
    component: 'base',
    says: /connection\.accesToken.*not something your connection stores.*connection\.accessToken/s,
  },
  {
    name: 'a wrong pagination condition',
    mutate: (d) =>
      editCode(d, 'module', 'searchMovies', 'communication', (v) => {
        const req = Array.isArray(v) ? v[v.length - 1] : v;
        const cond: string = req.pagination.condition;
        req.pagination.condition = cond.includes('>=')
          ? cond.replace('>=', '>')
          : cond.replace('}}', ' && false}}');
      }),
    code: 'D-PAGINATION-CONDITION-CHANGED',
    cls: 'behavioural',
    component: 'modules.searchMovies',
    says: /next page/,
  },
  {
    name: 'a module that drops a required field from its body',
    mutate: (d) =>
      editCode(d, 'module', 'createMovie', 'communication', (v) => {
        const req = Array.isArray(v) ? v[v.length - 1] : v;
        delete req.body.name;
      }),
    code: 'D-BODY-FIELD-MISSING',
    cls: 'breaking',
    component: 'modules.createMovie',
    says: /`name`/,
  },
  {
    name: 'a module that drops a required parameter',
    mutate: (d) =>
      editCode(d, 'module', 'createMovie', 'mappableParams', (v: { name: string }[]) =>
        v.filter((p) => p.name !== 'name'),
      ),
    code: 'D-PARAM-MISSING',
    cls: 'breaking',
    component: 'modules.createMovie',
    says: /required parameter `name`/,
  },
  {
    name: 'a required parameter made optional',
    mutate: (d) =>
      editCode(d, 'module', 'getMovie', 'mappableParams', (v: { required?: boolean }[]) => {
        for (const p of v) delete p.required;
      }),
    code: 'D-PARAM-REQUIRED-DROPPED',
    cls: 'behavioural',
    component: 'modules.getMovie',
    says: /required in the reference but optional/,
  },
  {
    name: 'a module that calls another URL',
    mutate: (d) =>
      editCode(d, 'module', 'getMovie', 'communication', (v) => {
        const req = Array.isArray(v) ? v[v.length - 1] : v;
        req.url = req.url.replace('/movies/', '/movie/');
      }),
    code: 'D-URL-CHANGED',
    cls: 'breaking',
    component: 'modules.getMovie',
    says: /\/movie\//,
  },
];

describe('each typical mistake is found, classified and explained', () => {
  it.each(MISTAKES)('$name → $code ($cls)', async (m) => {
    const r = await diffStudent(m.mutate);
    const hits = r.changes.filter(
      (c) => new RegExp(`^(${m.code})$`).test(c.code) && c.component === m.component,
    );
    expect(hits.length, JSON.stringify(r.changes.map((c) => [c.code, c.component, c.path]))).toBeGreaterThan(
      0,
    );
    const hit = hits[0];
    expect(hit.class).toBe(m.cls);
    expect(hit.message).toMatch(m.says);
    // file:line on both sides
    expect(hit.reference.location?.file).toMatch(/\.json$/);
    expect(hit.reference.location?.line).toBeGreaterThan(0);
    expect(hit.theirs.location?.file).toMatch(/\.json$/);
    expect(hit.theirs.location?.line).toBeGreaterThan(0);
    if (m.cls === 'breaking' || m.cls === 'behavioural') {
      expect(r.verdict).toBe('different');
      expect(r.behaviourEquivalent).toBe(false);
      expect(hit.fix).toBeTruthy();
      expect(r.grade.fixes.some((f) => f.code === hit.code)).toBe(true);
    }
  });
});

describe('components named differently are matched by what they do', () => {
  it('pairs a renamed search module and a renamed RPC with the reference ones and shows the match', async () => {
    const r = await diffStudent((d) => {
      editManifest(d, (m) => {
        m.components.module.listAllMovies = m.components.module.searchMovies;
        delete m.components.module.searchMovies;
        m.components.rpc.genresRpc = m.components.rpc.listGenres;
        delete m.components.rpc.listGenres;
      });
    });
    const mod = r.matches.find((m) => m.reference === 'searchMovies');
    expect(mod).toMatchObject({ theirs: 'listAllMovies', by: 'behaviour' });
    expect(mod?.reason).toMatch(/same method GET, same path \/movies/);
    expect(r.matches.find((m) => m.reference === 'listGenres')).toMatchObject({
      theirs: 'genresRpc',
      by: 'behaviour',
    });
    const renamed = r.changes.filter((c) => c.code === 'D-COMPONENT-RENAMED');
    expect(renamed.map((c) => c.theirsComponent).sort()).toEqual(['modules.listAllMovies', 'rpcs.genresRpc']);
    expect(r.changes.filter((c) => c.code === 'D-COMPONENT-MISSING')).toEqual([]);
    expect(r.counts.breaking + r.counts.behavioural).toBe(0);
  });

  it('reports a component nobody implements as missing, breaking', async () => {
    const r = await diffStudent((d) => editManifest(d, (m) => void delete m.components.module.getMovie));
    const miss = r.changes.find((c) => c.code === 'D-COMPONENT-MISSING');
    expect(miss).toMatchObject({ class: 'breaking', component: 'modules.getMovie' });
    expect(miss?.reference.location?.file).toBe('makecomapp.json');
  });
});

describe('a student file that does not parse', () => {
  it('is one breaking change quoting the syntax error at its line, not a cascade', async () => {
    const r = await diffStudent((d) => {
      const file = codePath(d, 'module', 'getMovie', 'communication');
      writeFileSync(file, '{\n  "url": "/movies/{{parameters.id}}",\n  "method": "GET"\n');
    });
    const getMovie = r.changes.filter((c) => c.component === 'modules.getMovie');
    expect(getMovie.map((c) => c.code)).toEqual(['D-SECTION-UNREADABLE']);
    expect(getMovie[0].class).toBe('breaking');
    expect(getMovie[0].message).toMatch(/could not be read: .*`\}`/);
    expect(getMovie[0].theirs.location).toMatchObject({
      file: expect.stringMatching(/get-movie\.communication/),
      line: 4,
    });
    expect(r.loadProblems.some((p) => p.side === 'theirs')).toBe(true);
  });
});

describe("common data (each developer's own credentials, never exported)", () => {
  it('missing or different common data is cosmetic, not a behaviour difference', async () => {
    const r = await diffStudent((d) =>
      editManifest(d, (m) => {
        for (const c of Object.values(m.components.connection) as {
          codeFiles: Record<string, string | null>;
        }[])
          c.codeFiles.common = null;
      }),
    );
    expect(r.changes.filter((c) => c.class !== 'equivalent' && c.code !== 'D-COMMON-CHANGED')).toEqual([]);
    expect(r.behaviourEquivalent).toBe(true);
  });
});

describe('hostile keys in a student app', () => {
  it('parameters, body fields and headers named __proto__ or constructor are compared like any other name', async () => {
    const r = await diffStudent((d) => {
      editText(d, 'module', 'createMovie', 'mappableParams', (t) =>
        t.replace(
          /^\[/,
          '[{"name": "__proto__", "type": "text"}, {"name": "constructor", "type": "text", "required": true},',
        ),
      );
      editText(d, 'module', 'getMovie', 'communication', (t) =>
        t.replace(/^\{/, '{"headers": {"constructor": "x", "__proto__": "y"},'),
      );
    });
    const added = r.changes
      .filter((c) => c.component === 'modules.createMovie' && c.code === 'D-PARAM-ADDED')
      .map((c) => c.path);
    expect(added.sort()).toEqual(['fields.__proto__', 'fields.constructor']);
    const headers = r.changes
      .filter((c) => c.component === 'modules.getMovie' && c.code === 'D-HEADER-ADDED')
      .map((c) => c.path);
    expect(headers.sort()).toEqual(['0.headers.__proto__', '0.headers.constructor']);
    expect(
      r.changes.every((c) => typeof c.message === 'string' && !/function|\[native code\]/.test(c.message)),
    ).toBe(true);
  });
});
