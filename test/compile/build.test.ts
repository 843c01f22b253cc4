import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../generator/cli/errors.ts';
import { importAppDefinition, MANIFEST_FILE, renderApp } from '../../generator/compile/index.ts';
import { build as buildApp } from '../../generator/workflow/build.ts';
import { corpusAvailable, sharedFile } from '../helpers/shared.ts';

const work = mkdtempSync(path.join(tmpdir(), 'make-app-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const FIXTURES = 'test/fixtures/compile';

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((n) => {
    const abs = path.join(dir, n);
    return statSync(abs).isDirectory()
      ? listFiles(abs, base)
      : [path.relative(base, abs).split(path.sep).join('/')];
  });
}

describe('dist-app matches app-src', { timeout: 120_000 }, () => {
  it('is up to date and lints clean (no errors, no warnings beyond the baseline)', async () => {
    const r = await buildApp({ src: 'app-src', out: 'dist-app', check: true });
    expect({ upToDate: r.upToDate, written: r.written, removed: r.removed }).toEqual({
      upToDate: true,
      written: [],
      removed: [],
    });
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it.skipIf(!corpusAvailable)("makecomapp.json validates against Make's own schema", () => {
    const schema = JSON.parse(readFileSync(sharedFile('reference/official/makecomapp.schema.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const ok = validate(JSON.parse(readFileSync('dist-app/makecomapp.json', 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('contains only secret placeholders, never a client secret', () => {
    const common = JSON.parse(readFileSync('dist-app/connections/academy/academy.common.json', 'utf8'));
    expect(common).toEqual({ clientId: '${ACADEMY_CLIENT_ID}', clientSecret: '${ACADEMY_CLIENT_SECRET}' });
  });
});

describe('emit', { timeout: 120_000 }, () => {
  it('is byte-for-byte deterministic across two builds', async () => {
    const a = path.join(work, 'det-a');
    const b = path.join(work, 'det-b');
    await buildApp({ src: 'app-src', out: a });
    await buildApp({ src: 'app-src', out: b });
    const files = listFiles(a).sort();
    expect(listFiles(b).sort()).toEqual(files);
    for (const f of files)
      expect(readFileSync(path.join(b, f), 'utf8'), f).toBe(readFileSync(path.join(a, f), 'utf8'));
    for (const f of files.filter((x) => x.endsWith('.json'))) {
      const text = readFileSync(path.join(a, f), 'utf8');
      expect(text.endsWith('}\n') || text.endsWith(']\n') || text.endsWith('"\n'), f).toBe(true);
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    }
  });

  // Make's local-development naming (make-iml.md §1.3), as a table.
  const NAMING: [string, string][] = [
    ['base', 'general/base.iml.json'],
    ['readme', 'README.md'],
    ['groups', 'modules/groups.json'],
    ['connection communication (oauth)', 'connections/academy/academy.oauth-communication.iml.json'],
    ['connection common', 'connections/academy/academy.common.json'],
    ['scope list', 'connections/academy/academy.scope-list.iml.json'],
    ['default scope', 'connections/academy/academy.default-scope.iml.json'],
    ['module communication', 'modules/search-movies/search-movies.communication.iml.json'],
    ['mappable params', 'modules/search-movies/search-movies.mappable-params.iml.json'],
    ['static params', 'modules/watch-new-movies/watch-new-movies.static-params.iml.json'],
    ['epoch', 'modules/watch-new-movies/watch-new-movies.epoch.iml.json'],
    ['interface', 'modules/get-movie/get-movie.interface.iml.json'],
    ['samples', 'modules/get-movie/get-movie.samples.iml.json'],
    ['module scope', 'modules/get-movie/get-movie.scope.iml.json'],
    ['rpc communication', 'rpcs/list-movies-rpc/list-movies-rpc.communication.iml.json'],
    ['webhook attach', 'webhooks/movie-events/movie-events.attach.iml.json'],
    ['webhook detach', 'webhooks/movie-events/movie-events.detach.iml.json'],
    ['webhook params', 'webhooks/movie-events/movie-events.params.iml.json'],
    ['webhook required scope', 'webhooks/movie-events/movie-events.required-scope.iml.json'],
  ];
  it.each(NAMING)('writes %s as %s', (_what, file) => {
    expect(existsSync(path.join('dist-app', file))).toBe(true);
    const manifest = JSON.parse(readFileSync('dist-app/makecomapp.json', 'utf8'));
    expect(JSON.stringify(manifest)).toContain(`"${file}"`);
  });

  it('writes the single-file bundle with every component', async () => {
    const bundle = JSON.parse(readFileSync('dist-app/app.bundle.json', 'utf8'));
    expect(bundle.bundleVersion).toBe(1);
    expect(Object.keys(bundle.components.module)).toHaveLength(16);
    expect(Object.keys(bundle.components.rpc).sort()).toEqual([
      'getMovieCustomFields',
      'listGenres',
      'listMoviesRpc',
    ]);
  });
});

describe('output folder safety', { timeout: 120_000 }, () => {
  it('keeps files it did not write and removes only its own stale files', async () => {
    const out = path.join(work, 'safety');
    await buildApp({ src: 'app-src', out });
    writeFileSync(path.join(out, 'notes.txt'), 'mine');
    writeFileSync(path.join(out, 'modules', 'my-draft.json'), '{}');
    // Pretend an earlier build wrote a component that no longer exists.
    const stale = 'modules/old-module/old-module.communication.iml.json';
    mkdirSync(path.join(out, 'modules/old-module'), { recursive: true });
    writeFileSync(path.join(out, stale), '{}\n');
    const manifest = JSON.parse(readFileSync(path.join(out, MANIFEST_FILE), 'utf8'));
    manifest.files.push(stale);
    writeFileSync(path.join(out, MANIFEST_FILE), JSON.stringify(manifest));
    const r = await buildApp({ src: 'app-src', out });
    expect(r.removed).toEqual([stale]);
    expect(existsSync(path.join(out, stale))).toBe(false);
    expect(existsSync(path.join(out, 'modules/old-module'))).toBe(false);
    expect(readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(path.join(out, 'modules', 'my-draft.json'), 'utf8')).toBe('{}');
  });

  it('refuses to overwrite a foreign file at a generated path, and leaves it untouched', async () => {
    const out = path.join(work, 'foreign');
    await buildApp({ src: 'app-src', out });
    // A file the manifest does not list (the user put it there after the build).
    const manifest = JSON.parse(readFileSync(path.join(out, MANIFEST_FILE), 'utf8'));
    manifest.files = manifest.files.filter((f: string) => f !== 'general/base.iml.json');
    writeFileSync(path.join(out, MANIFEST_FILE), JSON.stringify(manifest));
    writeFileSync(path.join(out, 'general/base.iml.json'), '{"mine": true}');
    await expect(buildApp({ src: 'app-src', out })).rejects.toThrow(
      /refusing to overwrite "general\/base.iml.json"/,
    );
    expect(readFileSync(path.join(out, 'general/base.iml.json'), 'utf8')).toBe('{"mine": true}');
  });

  it('never writes through a symbolic link at a generated path', async () => {
    const out = path.join(work, 'symlinked');
    const outside = path.join(work, 'outside-general');
    mkdirSync(outside, { recursive: true });
    writeFileSync(path.join(outside, 'base.iml.json'), 'outside');
    await buildApp({ src: 'app-src', out });
    rmSync(path.join(out, 'general'), { recursive: true });
    symlinkSync(outside, path.join(out, 'general'));
    await expect(buildApp({ src: 'app-src', out })).rejects.toThrow(
      /refusing to overwrite "general\/base.iml.json"/,
    );
    expect(readFileSync(path.join(outside, 'base.iml.json'), 'utf8')).toBe('outside');
  });

  it('ignores manifest entries that point outside the folder', async () => {
    const out = path.join(work, 'escape');
    const victim = path.join(work, 'victim.txt');
    writeFileSync(victim, 'keep');
    await buildApp({ src: 'app-src', out });
    writeFileSync(
      path.join(out, MANIFEST_FILE),
      JSON.stringify({ generatedBy: 'make-app build', files: ['../victim.txt', '/etc/hostname'] }),
    );
    await buildApp({ src: 'app-src', out });
    expect(readFileSync(victim, 'utf8')).toBe('keep');
  });
});

describe('--check', { timeout: 120_000 }, () => {
  it('writes nothing and reports an edited generated file as out of date', async () => {
    const out = path.join(work, 'check');
    await buildApp({ src: 'app-src', out });
    const file = path.join(out, 'modules/get-movie/get-movie.communication.iml.json');
    writeFileSync(file, '{"url": "/edited"}\n');
    const r = await buildApp({ src: 'app-src', out, check: true });
    expect(r.upToDate).toBe(false);
    expect(r.ok).toBe(false);
    expect(r.written).toEqual(['modules/get-movie/get-movie.communication.iml.json']);
    expect(readFileSync(file, 'utf8')).toBe('{"url": "/edited"}\n');
  });

  it('reports a missing output folder as out of date without creating it', async () => {
    const out = path.join(work, 'never-built');
    const r = await buildApp({ src: 'app-src', out, check: true });
    expect(r.upToDate).toBe(false);
    expect(existsSync(out)).toBe(false);
  });
});

describe('problems are reported at the TypeScript line that produced them', { timeout: 120_000 }, () => {
  it('maps an undeclared parameter in generated JSON back to app.ts', async () => {
    const r = await buildApp({ src: `${FIXTURES}/typo-app`, out: path.join(work, 'typo') });
    const d = r.diagnostics.find((x) => x.ruleId === 'iml/undeclared-parameter');
    expect(d).toMatchObject({
      severity: 'error',
      file: 'modules/list-things/list-things.communication.iml.json',
      pointer: '/response/limit',
      origin: { file: `${FIXTURES}/typo-app/app.ts`, line: 15 },
    });
    const source = readFileSync(`${FIXTURES}/typo-app/app.ts`, 'utf8').split('\n')[d!.origin!.line - 1];
    expect(source).toContain("limit: '{{parameters.limt}}'");
    expect(r.ok).toBe(false);
  });

  it('maps a finding about component metadata in makecomapp.json to its define call', async () => {
    const r = await buildApp({ src: `${FIXTURES}/unlabelled-app`, out: path.join(work, 'unlabelled') });
    const d = r.diagnostics.find(
      (x) => x.file === 'makecomapp.json' && x.pointer.startsWith('/components/module/getThing'),
    );
    expect(d?.ruleId).toBe('structure/missing-label');
    expect(d?.origin).toEqual({ file: `${FIXTURES}/unlabelled-app/app.ts`, line: 5, column: 31 });
  });

  it('maps into builder callbacks and shared files of the reference app', async () => {
    const { app } = await importAppDefinition('app-src');
    const { SourceMapper } = await import('../../generator/compile/source-map.ts');
    const { evaluated } = renderApp(app, { projectRoot: process.cwd() });
    const mapper = new SourceMapper(process.cwd());
    const at = (kind: string, name: string, code: string, pointer: string) => {
      const o = evaluated.origins.get(`${kind}/${name}/${code}`)!;
      const loc = mapper.locate(o.origin!, o.key, pointer);
      return { ...loc, text: readFileSync(loc.file, 'utf8').split('\n')[loc.line - 1]!.trim() };
    };
    expect(at('module', 'searchMovies', 'communication', '/pagination/condition').text).toMatch(
      /^condition: expr`\$\{body.page\}/,
    );
    expect(at('connection', 'academy', 'communication', '/token/body/redirect_uri').text).toBe(
      'redirect_uri: REDIRECT_URI,',
    );
    // movieInterface lives in shared/movie.ts: the mapper follows the identifier there.
    const shared = at('module', 'getMovie', 'interface', '/1/name');
    expect(shared.file).toBe('app-src/shared/movie.ts');
    expect(shared.text).toBe("{ name: 'name', type: 'text', label: 'Name' },");
  });
});

describe('lint baseline', { timeout: 120_000 }, () => {
  const undeclared = {
    ruleId: 'iml/undeclared-parameter',
    file: 'modules/list-things/list-things.communication.iml.json',
    pointer: '/response/limit',
    message:
      '`parameters.limt` is read but modules.listThings declares no parameter "limt" (declared: limit).',
  };
  const gone = {
    ruleId: 'structure/missing-label',
    file: 'makecomapp.json',
    pointer: '/x',
    message: 'gone',
    reason: 'was fixed',
  };

  it('accepts a finding with a reason and names entries that match nothing', async () => {
    const file = path.join(work, 'baseline.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        findings: [{ ...undeclared, reason: 'kept on purpose for this test' }, gone],
      }),
    );
    const r = await buildApp({
      src: `${FIXTURES}/typo-app`,
      out: path.join(work, 'typo-baseline'),
      baselineFile: file,
    });
    expect(r.diagnostics.filter((d) => d.ruleId === 'iml/undeclared-parameter')).toEqual([]);
    expect(r.accepted).toBe(1);
    const { reason: _reason, ...goneEntry } = gone;
    expect(r.staleBaseline).toEqual([goneEntry]);
    expect(r.ok).toBe(true);
  });

  it('refuses an accepted finding without a reason', async () => {
    const file = path.join(work, 'baseline-no-reason.json');
    writeFileSync(file, JSON.stringify({ version: 1, findings: [undeclared] }));
    await expect(
      buildApp({ src: `${FIXTURES}/typo-app`, out: path.join(work, 'typo-baseline-2'), baselineFile: file }),
    ).rejects.toThrow(/every accepted finding needs a "reason"/);
  });
});

describe('bad sources are typed errors, not crashes', { timeout: 120_000 }, () => {
  it.each([
    ['a folder without app.ts', `${FIXTURES}/missing`, /does not exist/],
    [
      'an app.ts whose default export is not defineApp',
      `${FIXTURES}/not-an-app`,
      /must default-export defineApp/,
    ],
    ['an app.ts that throws', `${FIXTURES}/throwing-app`, /cannot load the app sources: broken on purpose/],
  ])('%s', async (_what, src, message) => {
    const err = await buildApp({ src, out: path.join(work, 'bad') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(message);
    expect(existsSync(path.join(work, 'bad'))).toBe(false);
  });
});
