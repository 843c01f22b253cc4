import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { printLiteral } from '../../generator/compile/import/literal.ts';
import { IdentifierPool, identifierFor } from '../../generator/compile/import/names.ts';
import { builderText, convertRefs, type RootRule } from '../../generator/compile/import/refs.ts';
import { importApp } from '../../generator/compile/index.ts';

const work = mkdtempSync(path.join(tmpdir(), 'make-app-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('printed literals evaluate back to the same JSON', () => {
  it.each([
    [
      'identifier keys unquoted, others quoted',
      { a: 1, 'b-c': 2, '{{...}}': '{{x}}' },
      "{ a: 1, 'b-c': 2, '{{...}}': '{{x}}' }",
    ],
    [
      'double quotes avoid escaping IML single quotes',
      "ifempty(x, 'api') \\ y",
      '"ifempty(x, \'api\') \\\\ y"',
    ],
    ['both quote kinds: single quotes, escaped', `it's "x"`, `'it\\'s "x"'`],
    ['control characters escaped', 'a\u0001b\u2028', "'a\\u0001b\\u2028'"],
    ['__proto__ as an own property', JSON.parse('{"__proto__": 1}') as unknown, "{ ['__proto__']: 1 }"],
    ['null and booleans', [null, true, false], '[null, true, false]'],
  ])('%s', (_what, value, text) => {
    expect(printLiteral(value)).toBe(text);
    const back = new Function(`return (${printLiteral(value)});`)();
    expect(JSON.stringify(back)).toBe(JSON.stringify(value));
  });

  it('long multi-line text becomes a template literal that evaluates to the same string', () => {
    const text = `line one with \`backticks\` and \${not a placeholder} and a \\ backslash\n${'x'.repeat(90)}\nend\n`;
    const printed = printLiteral(text);
    expect(printed.startsWith('`')).toBe(true);
    expect(new Function(`return ${printed};`)()).toBe(text);
  });
});

describe('component names become readable, unique identifiers', () => {
  it.each([
    ['getMovie', 'getMovie'],
    ['GetBreed', 'getBreed'],
    ['cats-public-516594', 'catsPublic516594'],
    ['2fa', '_2fa'],
    ['my_hook', 'myHook'],
  ])('%s → %s', (name, id) => {
    expect(identifierFor(name)).toBe(id);
  });

  it('adds the kind to names taken or reserved', () => {
    const pool = new IdentifierPool();
    expect(pool.take('listItems', 'Module')).toBe('listItems');
    expect(pool.take('listItems', 'Rpc')).toBe('listItemsRpc');
    expect(pool.take('delete', 'Module')).toBe('deleteModule');
    expect(pool.take('defineThing', 'Module')).toBe('defineThingModule');
  });
});

describe('plain IML paths become typed references only where they type-check', () => {
  const scope = new Map<string, RootRule>([
    ['parameters', { names: new Set(['id', 'limit']) }],
    ['connection', { names: new Set(['accessToken']) }],
    ['body', { any: true }],
    ['statusCode', { leaf: true }],
  ]);
  it.each([
    ['a whole declared parameter', '{{parameters.id}}', 'parameters.id', ['parameters']],
    ['a template', '/movies/{{parameters.id}}/awards', '`/movies/${parameters.id}/awards`', ['parameters']],
    ['any path of body', '{{body.data.items}}', 'body.data.items', ['body']],
    [
      'stored connection data',
      'Bearer {{connection.accessToken}}',
      '`Bearer ${connection.accessToken}`',
      ['connection'],
    ],
    ['an undeclared parameter stays a string', '{{parameters.limt}}', "'{{parameters.limt}}'", []],
    ['a deeper path of a plain parameter stays', '{{parameters.id.x}}', "'{{parameters.id.x}}'", []],
    ['an unknown root stays', '{{temp.x}}', "'{{temp.x}}'", []],
    ['an expression stays', '{{body.page < body.totalPages}}', "'{{body.page < body.totalPages}}'", []],
    ['a function call stays', '{{first(body)}}', "'{{first(body)}}'", []],
    ['a leaf root alone converts', '{{statusCode}}', 'statusCode', ['statusCode']],
    ['a template with a backtick is escaped', '`{{body.x}}`', '`\\`${body.x}\\``', ['body']],
    ['names a proxy keeps for JavaScript stay', '{{body.then}}', "'{{body.then}}'", []],
  ])('%s', (_what, input, printed, roots) => {
    const used = new Set<string>();
    expect(printLiteral(convertRefs(input, scope, used))).toBe(printed);
    expect([...used]).toEqual(roots);
  });

  it('an enum-typed key keeps a mixed template as a string', () => {
    const used = new Set<string>();
    expect(printLiteral(convertRefs({ method: 'P{{body.m}}' }, scope, used))).toBe(
      "{ method: 'P{{body.m}}' }",
    );
  });

  it('log.sanitize paths are never touched, and the builder lists the roots it uses', () => {
    const used = new Set<string>();
    const value = { url: '/x/{{parameters.id}}', log: { sanitize: ['request.headers.authorization'] } };
    const text = builderText(printLiteral(convertRefs(value, scope, used)), used);
    expect(text).toBe(
      "({ parameters }) => ({ url: `/x/${parameters.id}`, log: { sanitize: ['request.headers.authorization'] } })",
    );
  });
});

describe('the output folder', () => {
  it('refuses a non-empty folder without force', () => {
    const out = path.join(work, 'busy');
    mkdirSync(out);
    writeFileSync(path.join(out, 'mine.ts'), 'keep');
    expect(() => importApp('dist-app', { out })).toThrow(/is not empty/);
    expect(() => importApp('dist-app', { out, force: true })).toThrow(/not written by make-app import/);
    expect(readFileSync(path.join(out, 'mine.ts'), 'utf8')).toBe('keep');
    expect(existsSync(path.join(out, 'app-src'))).toBe(false);
  });

  it('replaces an earlier import only with force', () => {
    const out = path.join(work, 'again');
    importApp('dist-app', { out });
    expect(() => importApp('dist-app', { out })).toThrow(/pass --force/);
    expect(importApp('dist-app', { out, force: true }).files).toContain('app-src/app.ts');
  });

  it('refuses to write through a symbolic link even with force', () => {
    const out = path.join(work, 'linked');
    const elsewhere = path.join(work, 'elsewhere');
    importApp('dist-app', { out });
    mkdirSync(elsewhere);
    rmSync(path.join(out, 'app-src', 'modules'), { recursive: true });
    symlinkSync(elsewhere, path.join(out, 'app-src', 'modules'));
    expect(() => importApp('dist-app', { out, force: true })).toThrow(
      /refusing to write through a symbolic link: app-src\/modules\//,
    );
  });

  it('writes a project: one file per component plus app.ts and general files under app-src/', () => {
    const out = path.join(work, 'fresh');
    const r = importApp('dist-app', { out });
    expect(r.files.filter((f) => f.startsWith('app-src/modules/'))).toHaveLength(16);
    expect(r.files).toEqual(
      expect.arrayContaining([
        'package.json',
        'tsconfig.json',
        'app-src/app.ts',
        'app-src/general/base.ts',
        'app-src/general/readme.ts',
        'app-src/connections/academy.ts',
        'app-src/webhooks/movie-events.ts',
        'app-src/rpcs/list-genres.ts',
      ]),
    );
  });

  it('imports the authoring API by the package name, with a package.json that depends on the package', () => {
    const out = path.join(work, 'by-name');
    importApp('dist-app', { out });
    const app = readFileSync(path.join(out, 'app-src/app.ts'), 'utf8');
    expect(app).toContain("from 'make-app-toolkit/authoring';");
    expect(app).not.toMatch(/generator\/compile/);
    const pkg = JSON.parse(readFileSync(path.join(out, 'package.json'), 'utf8'));
    expect(pkg.type).toBe('module');
    expect(Object.keys(pkg.dependencies)).toEqual(['make-app-toolkit']);
    expect(pkg.scripts.build).toBe('make-app build --src app-src --out dist-app');
    const tsconfig = JSON.parse(readFileSync(path.join(out, 'tsconfig.json'), 'utf8'));
    expect(tsconfig.include).toEqual(['app-src']);
  });
});
