import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../generator/cli/errors.ts';
import { loadApp, parseJsonDocument } from '../../generator/load/index.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/load');
const tmp = mkdtempSync(path.join(tmpdir(), 'load-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Writes a minimal local-dev app whose module `m` uses the given codeFiles. */
function appWith(
  name: string,
  codeFiles: Record<string, string>,
  files: Record<string, string> = {},
): string {
  const root = path.join(tmp, name);
  mkdirSync(root, { recursive: true });
  const manifest = {
    fileVersion: 1,
    generalCodeFiles: { base: null, common: null, readme: null, groups: null },
    components: {
      connection: {},
      webhook: {},
      module: { m: { label: 'M', moduleType: 'action', codeFiles } },
      rpc: {},
      function: {},
    },
    origins: [],
  };
  writeFileSync(path.join(root, 'makecomapp.json'), JSON.stringify(manifest, null, 2));
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), text);
  }
  return root;
}

describe('loading bad input', () => {
  const broken = loadApp(path.join(FIXTURES, 'broken-app'));
  const rules = (file?: string) =>
    broken.diagnostics.filter((d) => !file || d.file === file).map((d) => d.ruleId);

  it('reports a malformed code file with its position and keeps loading the rest', () => {
    const d = broken.diagnostics.find((x) => x.ruleId === 'load/json-syntax');
    expect(d).toMatchObject({
      file: 'modules/bad/bad.communication.iml.json',
      line: 4,
      column: 3,
      component: 'modules.bad',
      severity: 'error',
    });
    expect(d?.message).toMatch(/comma/i);
    expect(broken.components.module.bad.codes.communication?.value).toBeUndefined();
    expect(broken.components.module.good.codes.communication?.value).toEqual({
      url: '/items',
      response: { output: 'café {{body.x}}' },
    });
  });

  it('accepts trailing commas in base with warnings at each comma', () => {
    expect(broken.general.base?.value).toEqual({ baseUrl: 'https://api.example.com', headers: { a: 'b' } });
    const w = broken.diagnostics.filter((d) => d.ruleId === 'load/trailing-comma');
    expect(w.map((d) => [d.file, d.line, d.column, d.severity])).toEqual([
      ['general/base.iml.json', 3, 24, 'warning'],
      ['general/base.iml.json', 3, 27, 'warning'],
    ]);
  });

  it('reads a file with a byte-order mark and CRLF line ends at exact positions', () => {
    const code = broken.components.module.good.codes.communication!;
    expect(code.locate('/url')).toMatchObject({ line: 2, column: 10 });
    // decoded "café {{body.x}}": offset 5 is "{", after the 6-character \u00e9 escape.
    expect(code.locate('/response/output', { offsetInString: 5 })).toMatchObject({ line: 4, column: 26 });
  });

  it('refuses paths that leave the app folder (../ and absolute) at their manifest position', () => {
    const out = broken.diagnostics.filter((d) => d.ruleId === 'load/path-outside-app');
    expect(out.map((d) => [d.file, d.line])).toEqual([
      ['makecomapp.json', 4],
      ['makecomapp.json', 15],
    ]);
    expect(broken.components.module.bad.codes.interface).toBeUndefined();
  });

  it('reports a missing file at its manifest position', () => {
    const d = broken.diagnostics.find((x) => x.ruleId === 'load/file-not-found');
    expect(d).toMatchObject({ file: 'makecomapp.json', line: 14, column: 29, component: 'modules.bad' });
  });

  it('notices files no declaration references (info)', () => {
    expect(rules('modules/orphan.json')).toEqual(['load/unreferenced-file']);
    expect(broken.diagnostics.find((d) => d.file === 'modules/orphan.json')?.severity).toBe('info');
  });

  it('reads the app id and version from origins', () => {
    expect(broken.info).toMatchObject({ name: 'broken-app', version: 2 });
  });

  it('refuses a symlink that points outside the app folder', () => {
    const outside = path.join(tmp, 'secret.json');
    writeFileSync(outside, '{"secret": 1}');
    const root = appWith('symlink-app', { communication: 'modules/m/link.iml.json' });
    mkdirSync(path.join(root, 'modules/m'), { recursive: true });
    symlinkSync(outside, path.join(root, 'modules/m/link.iml.json'));
    const app = loadApp(root);
    expect(app.diagnostics.map((d) => d.ruleId)).toContain('load/path-outside-app');
    expect(app.components.module.m.codes.communication).toBeUndefined();
  });

  it('reports a file over the size limit without reading it (default 10 MiB)', () => {
    const root = appWith('huge-app', { communication: 'huge.iml.json' }, { 'huge.iml.json': '' });
    truncateSync(path.join(root, 'huge.iml.json'), 11 * 1024 * 1024); // sparse, cheap
    const app = loadApp(root);
    const d = app.diagnostics.find((x) => x.ruleId === 'load/file-too-large');
    expect(d).toMatchObject({ file: 'makecomapp.json', severity: 'error' });
    expect(d?.message).toMatch(/11534336 bytes/);
  });

  it('honours a smaller size limit given in options', () => {
    const root = appWith(
      'limit-app',
      { communication: 'c.iml.json' },
      { 'c.iml.json': JSON.stringify({ url: 'x'.repeat(2000) }) },
    );
    expect(loadApp(root, { maxFileBytes: 1024 }).diagnostics.map((d) => d.ruleId)).toContain(
      'load/file-too-large',
    );
    expect(loadApp(root).diagnostics.map((d) => d.ruleId)).not.toContain('load/file-too-large');
  });

  it('reports very deep nesting in a code file instead of overflowing the stack', () => {
    const root = appWith(
      'deep-app',
      { communication: 'deep.iml.json' },
      { 'deep.iml.json': `{"a": ${'['.repeat(50000)}${']'.repeat(50000)}}` },
    );
    const app = loadApp(root);
    expect(app.diagnostics.find((d) => d.ruleId === 'load/too-deep')).toMatchObject({
      file: 'deep.iml.json',
      line: 1,
    });
    expect(app.components.module.m.codes.communication?.value).toBeUndefined();
  });

  it('reports a code path that is a folder', () => {
    const root = appWith('dir-app', { communication: 'modules' }, { 'modules/x.txt': 'x' });
    expect(loadApp(root).diagnostics.map((d) => d.ruleId)).toContain('load/not-a-file');
  });

  it('reports a malformed makecomapp.json and returns an empty app', () => {
    const root = path.join(tmp, 'bad-manifest');
    mkdirSync(root, { recursive: true });
    writeFileSync(path.join(root, 'makecomapp.json'), '{ "fileVersion": 1, "components": { ');
    const app = loadApp(root);
    expect(app.layout).toBe('local-dev');
    expect(app.diagnostics[0]).toMatchObject({
      ruleId: 'load/json-syntax',
      file: 'makecomapp.json',
      line: 1,
    });
    expect(Object.keys(app.components.module)).toEqual([]);
  });

  it('throws a typed InputError (no stack-trace crash) for a path that does not exist or is no app', () => {
    expect(() => loadApp(path.join(tmp, 'nope'))).toThrow(InputError);
    const notApp = path.join(tmp, 'plain.json');
    writeFileSync(notApp, '{"hello": 1}');
    expect(() => loadApp(notApp)).toThrow(/not an app/);
  });
});

describe('loading a single-file bundle', () => {
  it.each([
    ['the bundle file', 'bundle/app.bundle.json'],
    ['the folder holding it', 'bundle'],
  ])('from %s', (_what, rel) => {
    const app = loadApp(path.join(FIXTURES, rel));
    expect(app.layout).toBe('bundle');
    expect(app.info).toMatchObject({ name: 'bundled-app', label: 'Bundled', version: 1 });
    expect(app.general.readme?.value).toBe('# Bundled app\n');
    const m = app.components.module.listThings;
    expect(m).toMatchObject({ moduleType: 'search', connection: 'main', label: 'List things' });
    const comm = m.codes.communication!;
    expect(comm.file).toBe('app.bundle.json');
    expect(comm.basePointer).toBe('/components/module/listThings/codes/communication');
    expect(comm.locate('/url')).toMatchObject({
      line: 26,
      column: 37,
      pointer: '/components/module/listThings/codes/communication/url',
    });
    expect(app.components.connection.main.connectionType).toBe('oauth');
    expect(app.diagnostics).toEqual([]);
  });
});

describe('loading odd input', () => {
  it('reports a binary file given as a code file as invalid UTF-8 and a syntax error', () => {
    const root = appWith('binary-app', { communication: 'c.iml.json' });
    writeFileSync(
      path.join(root, 'c.iml.json'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]),
    );
    const app = loadApp(root);
    const found = app.diagnostics.filter((d) => d.file === 'c.iml.json');
    expect(found.find((d) => d.ruleId === 'load/encoding')).toMatchObject({ line: 1, column: 1 });
    expect(found.find((d) => d.ruleId === 'load/json-syntax')).toMatchObject({ line: 1, column: 1 });
    expect(app.components.module.m.codes.communication?.value).toBeUndefined();
  });

  it.each([
    [
      'UTF-16 LE with a byte-order mark',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"url": "/x"}', 'utf16le')]),
    ],
    [
      'UTF-16 BE with a byte-order mark',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('{"url": "/x"}', 'utf16le').swap16()]),
    ],
    ['UTF-16 LE without a mark', Buffer.from('{"url": "/x"}', 'utf16le')],
  ])(
    'reports a code file saved as %s as one encoding error, not a syntax error per character',
    (_name, bytes) => {
      const root = appWith(`utf16-${bytes[0]}-${bytes.length}`, { communication: 'c.iml.json' });
      writeFileSync(path.join(root, 'c.iml.json'), bytes);
      const app = loadApp(root);
      const found = app.diagnostics.filter((d) => d.file === 'c.iml.json');
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ ruleId: 'load/encoding', severity: 'error' });
      expect(found[0].message).toContain('UTF-16');
    },
  );

  it('refuses a Windows-style ..\\ path as leaving the app folder', () => {
    const root = appWith('backslash-app', { communication: '..\\outside.json' });
    expect(loadApp(root).diagnostics.map((d) => d.ruleId)).toContain('load/path-outside-app');
  });

  it('throws InputError for a folder holding no app at all', () => {
    const empty = path.join(tmp, 'empty-folder');
    mkdirSync(empty, { recursive: true });
    writeFileSync(path.join(empty, 'notes.txt'), 'hello');
    expect(() => loadApp(empty)).toThrow(/No Make app found/);
  });
});

describe('symlinks inside layouts without a manifest', () => {
  it('does not read a metadata.json that links outside the app folder', () => {
    const outside = path.join(tmp, 'outside-meta.json');
    writeFileSync(outside, '{"name": "stolen"}');
    const root = path.join(tmp, 'export-with-link');
    mkdirSync(path.join(root, 'modules/m'), { recursive: true });
    symlinkSync(outside, path.join(root, 'metadata.json'));
    writeFileSync(path.join(root, 'modules/m/api.imljson'), '{"url": "/x"}');
    const app = loadApp(root);
    expect(app.layout).toBe('imljson-export');
    expect(app.info.name).not.toBe('stolen');
    expect(app.diagnostics.map((d) => d.ruleId)).toContain('load/path-outside-app');
    expect(app.components.module.m.codes.communication?.value).toEqual({ url: '/x' });
  });
});

describe('loading a malformed bundle', () => {
  it('reports components and codes of the wrong shape at their position', () => {
    const file = path.join(tmp, 'bad.bundle.json');
    const text = JSON.stringify(
      { bundleVersion: 1, app: { name: 'b' }, general: [], components: { module: { m: { codes: [] } } } },
      null,
      2,
    );
    writeFileSync(file, text);
    const app = loadApp(file);
    expect(app.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([
      ['load/manifest-shape', text.split('\n').findIndex((l) => l.includes('"general"')) + 1],
      ['load/manifest-shape', text.split('\n').findIndex((l) => l.includes('"codes"')) + 1],
    ]);
  });
});

describe('hostile names', () => {
  it('keeps components named "__proto__" and "constructor" as plain entries, touching no prototype', () => {
    const file = path.join(tmp, 'proto.bundle.json');
    writeFileSync(
      file,
      '{"bundleVersion": 1, "app": {"name": "p", "__proto__": {"polluted": 1}}, "general": {}, "components": {"module": {' +
        '"__proto__": {"moduleType": "action", "codes": {}, "__proto__": {"x": 1}}, "constructor": {"moduleType": "search", "codes": {}}}}}',
    );
    const app = loadApp(file);
    expect(Object.keys(app.components.module).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(app.components.module)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(app.info)).toBe(Object.prototype);
    expect(app.components.module['constructor' as string].moduleType).toBe('search');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not call a component named "constructor" a duplicate in makecomapp.json', () => {
    const root = path.join(tmp, 'ctor-app');
    mkdirSync(root, { recursive: true });
    writeFileSync(
      path.join(root, 'makecomapp.json'),
      JSON.stringify({
        fileVersion: 1,
        generalCodeFiles: {},
        components: { module: { constructor: { moduleType: 'action', codeFiles: {} } } },
        origins: [],
      }),
    );
    const app = loadApp(root);
    expect(app.diagnostics.map((d) => d.ruleId)).not.toContain('load/duplicate-component');
    expect(Object.hasOwn(app.components.module, 'constructor')).toBe(true);
  });
});

describe('names that match Object.prototype members', () => {
  it('treats "constructor"/"__proto__" section keys and module types as unknown, not as inherited members', () => {
    const root = appWith(
      'proto-keys',
      { constructor: 'a.json', toString: 'a.json', communication: 'a.json' },
      { 'a.json': '{"url": "/x"}' },
    );
    const manifest = JSON.parse(readFileSync(path.join(root, 'makecomapp.json'), 'utf8'));
    manifest.components.module.m.moduleType = 'constructor';
    writeFileSync(path.join(root, 'makecomapp.json'), JSON.stringify(manifest));
    mkdirSync(path.join(root, 'constructor'), { recursive: true });
    const app = loadApp(root);
    const m = app.components.module.m;
    expect(m.moduleType).toBeUndefined();
    expect(Object.keys(m.codes)).toEqual(['communication']);
    expect(app.diagnostics.filter((d) => d.ruleId === 'load/unknown-code-type').length).toBe(2);
  });
});

describe('a linked folder leaving the app', () => {
  it('refuses files read through a folder symlink that points outside the app folder', () => {
    const outsideDir = path.join(tmp, 'outside-dir');
    mkdirSync(outsideDir, { recursive: true });
    writeFileSync(path.join(outsideDir, 'c.iml.json'), '{"secret": true}');
    const root = appWith('dir-link-app', { communication: 'linked/c.iml.json' });
    symlinkSync(outsideDir, path.join(root, 'linked'));
    const app = loadApp(root);
    expect(app.diagnostics.map((d) => d.ruleId)).toContain('load/path-outside-app');
    expect(app.components.module.m.codes.communication).toBeUndefined();
  });
});

describe('links that stay inside the app', () => {
  it('reads a code file that is a symlink to another file inside the app folder', () => {
    const root = appWith(
      'inner-link-app',
      { communication: 'link.iml.json' },
      { 'real/c.iml.json': '{"url": "/inside"}' },
    );
    symlinkSync(path.join(root, 'real/c.iml.json'), path.join(root, 'link.iml.json'));
    const app = loadApp(root);
    expect(app.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(app.components.module.m.codes.communication?.value).toEqual({ url: '/inside' });
  });
});

describe('a truncated file', () => {
  it('reports the missing closing braces once, saying how many, at the end of the file', () => {
    const doc = parseJsonDocument('{"a": {"b": 1', 'trunc.json');
    expect(doc.diagnostics).toHaveLength(1);
    expect(doc.diagnostics[0]).toMatchObject({ ruleId: 'load/json-syntax', line: 1, column: 14 });
    expect(doc.diagnostics[0].message).toBe(
      'A closing `}` was expected, found the end of the file (2 times at this place).',
    );
  });
});
