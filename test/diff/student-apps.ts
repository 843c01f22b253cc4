/**
 * Builds student-like apps from the reference by small scripted mutations of its files, so the
 * same mistakes can be made on the real reference (dist-app/) or on the small fixture.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'jsonc-parser';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const MINI_REFERENCE = path.join(ROOT, 'test/fixtures/diff/mini-reference');
export const DIST_APP = path.join(ROOT, 'dist-app');

/** The reference to mutate: the compiled reference app when it exists, else the small fixture (forced with DIFF_TEST_REFERENCE=mini). */
export function referencePath(): string {
  if (process.env.DIFF_TEST_REFERENCE === 'mini') return MINI_REFERENCE;
  return existsSync(path.join(DIST_APP, 'makecomapp.json')) ? DIST_APP : MINI_REFERENCE;
}

export function copyApp(src: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'diff-student-'));
  cpSync(src, dir, { recursive: true });
  return dir;
}

type Json = any;

function manifest(dir: string): Json {
  return parse(readFileSync(path.join(dir, 'makecomapp.json'), 'utf8'));
}

export function codePath(dir: string, kind: string, name: string | null, codeType: string): string {
  const m = manifest(dir);
  const rel =
    name === null ? m.generalCodeFiles[codeType] : m.components[kind]?.[name]?.codeFiles?.[codeType];
  if (!rel) throw new Error(`no ${codeType} file for ${kind} ${name}`);
  return path.join(dir, rel);
}

/** Rewrites one code file through `fn` (which may mutate in place or return a new value). */
export function editCode(
  dir: string,
  kind: string,
  name: string | null,
  codeType: string,
  fn: (v: Json) => Json,
): void {
  const file = codePath(dir, kind, name, codeType);
  const value = parse(readFileSync(file, 'utf8'));
  const next = fn(value);
  writeFileSync(file, `${JSON.stringify(next === undefined ? value : next, null, 2)}\n`);
}

export function editText(
  dir: string,
  kind: string,
  name: string | null,
  codeType: string,
  fn: (t: string) => string,
): void {
  const file = codePath(dir, kind, name, codeType);
  writeFileSync(file, fn(readFileSync(file, 'utf8')));
}

export function editManifest(dir: string, fn: (m: Json) => void): void {
  const m = manifest(dir);
  fn(m);
  writeFileSync(path.join(dir, 'makecomapp.json'), `${JSON.stringify(m, null, 2)}\n`);
}

/** Every code file path listed in the manifest. */
export function allCodeFiles(dir: string): string[] {
  const m = manifest(dir);
  const out = new Set<string>();
  for (const rel of Object.values(m.generalCodeFiles ?? {}))
    if (typeof rel === 'string' && rel.endsWith('.json')) out.add(rel);
  for (const kind of Object.values(m.components ?? {}) as Json[])
    for (const c of Object.values(kind ?? {}) as Json[])
      for (const rel of Object.values(c?.codeFiles ?? {}))
        if (typeof rel === 'string' && rel.endsWith('.json')) out.add(rel);
  return [...out].map((r) => path.join(dir, r));
}

/**
 * Same meaning, other writing: keys in reverse order, comments, spaces inside `{{ }}`, a single
 * request written as a list of one, Make's defaults spelled out (`method: GET`, `qs: {}`).
 */
export function reformat(dir: string): void {
  for (const file of allCodeFiles(dir)) {
    const value = parse(readFileSync(file, 'utf8'));
    const isRequest = (v: Json) =>
      v && typeof v === 'object' && !Array.isArray(v) && typeof v.url === 'string';
    let out = reorder(value);
    if (/communication\.iml\.json$/.test(file) && !/oauth/.test(file) && isRequest(out)) {
      if (out.method === undefined) out.method = 'GET';
      if (out.qs === undefined) out.qs = {};
      out = [out];
    }
    const json = JSON.stringify(spaceIml(out), null, 4);
    writeFileSync(
      file,
      `// written by hand, formatted my way\n${json.replace(/\n/, '\n    /* a comment */\n')}\n`,
    );
  }
}

/** `{{a}}` → `{{ a }}` in values only: keys such as the spread key `{{...}}` are matched literally by Make. */
function spaceIml(v: Json): Json {
  if (typeof v === 'string') return v.replace(/\{\{/g, '{{ ').replace(/\}\}/g, ' }}');
  if (Array.isArray(v)) return v.map(spaceIml);
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, spaceIml(x)]));
  return v;
}

function reorder(v: Json): Json {
  if (Array.isArray(v)) return v.map(reorder);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .reverse()
        .map((k) => [k, reorder(v[k])]),
    );
  return v;
}

/** The OAuth2 request section (`token`, `refresh`...) of the connection `academy`. */
export function editOauth(dir: string, section: string, fn: (req: Json) => void): void {
  editCode(dir, 'connection', 'academy', 'communication', (v) => {
    if (!v[section]) throw new Error(`connection has no ${section} section`);
    fn(v[section]);
  });
}

/** 1-based line of the first line containing `needle` at or after the first line containing `after`. */
export function lineOf(file: string, needle: string, after?: string): number {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const start = after ? lines.findIndex((l) => l.includes(after)) : 0;
  const i = lines.findIndex((l, n) => n >= start && l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in ${file}`);
  return i + 1;
}

/** Local-dev code type → section file name of the older SDK export, per component kind. */
const EXPORT_SECTIONS: Record<string, Record<string, string>> = {
  connection: {
    communication: 'api',
    params: 'parameters',
    scopeList: 'scopes',
    defaultScope: 'scope',
    common: 'common',
  },
  webhook: {
    communication: 'api',
    params: 'parameters',
    attach: 'attach',
    detach: 'detach',
    update: 'update',
    requiredScope: 'scope',
  },
  module: {
    communication: 'api',
    epoch: 'epoch',
    staticParams: 'parameters',
    mappableParams: 'expect',
    interface: 'interface',
    samples: 'samples',
    scope: 'scope',
  },
  rpc: { communication: 'api', params: 'parameters' },
};

/**
 * Writes an app in the older export layout (`metadata.json` + `<kind>s/<name>/api.imljson`…),
 * the way a student's old download looks, from any loaded app.
 */
export function writeImljsonExport(app: import('../../generator/model/app.ts').AppModel): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'diff-export-'));
  const put = (rel: string, v: unknown) => {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof v === 'string' ? v : `${JSON.stringify(v, null, 2)}\n`);
  };
  put('metadata.json', { name: app.info.name, label: app.info.label ?? app.info.name, version: 1 });
  if (app.general.base) put('base.imljson', app.general.base.value);
  if (app.general.readme) put('readme.md', app.general.readme.value);
  if (app.general.groups) put('groups.imljson', app.general.groups.value);
  for (const [kind, comps] of Object.entries(app.components)) {
    for (const c of Object.values(comps)) {
      const meta: Record<string, unknown> = { name: c.name };
      for (const k of [
        'label',
        'description',
        'moduleType',
        'connectionType',
        'webhookType',
        'actionCrud',
        'connection',
        'altConnection',
        'webhook',
      ] as const)
        if (c[k] !== undefined) meta[k] = c[k];
      put(`${kind}s/${c.name}/metadata.json`, meta);
      for (const [type, code] of Object.entries(c.codes)) {
        const section = EXPORT_SECTIONS[kind]?.[type] ?? type;
        if (code?.value !== undefined) put(`${kind}s/${c.name}/${section}.imljson`, code.value);
      }
    }
  }
  return dir;
}

/** Writes an app as one single-file bundle (`app.bundle.json`, `bundleVersion: 1`). */
export function writeBundle(
  app: import('../../generator/model/app.ts').AppModel,
  edit?: (bundle: Json) => void,
): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'diff-bundle-'));
  const general: Record<string, unknown> = {};
  for (const [type, code] of Object.entries(app.general))
    if (code?.value !== undefined) general[type] = code.value;
  const components: Record<string, Record<string, unknown>> = {};
  for (const [kind, comps] of Object.entries(app.components)) {
    components[kind] = {};
    for (const c of Object.values(comps)) {
      const codes: Record<string, unknown> = {};
      for (const [type, code] of Object.entries(c.codes))
        if (code?.value !== undefined) codes[type] = code.value;
      const meta: Record<string, unknown> = {};
      for (const k of [
        'label',
        'description',
        'moduleType',
        'connectionType',
        'webhookType',
        'actionCrud',
        'connection',
        'altConnection',
        'webhook',
      ] as const)
        if (c[k] !== undefined) meta[k] = c[k];
      components[kind][c.name] = { ...meta, codes };
    }
  }
  // a deep copy: the edit must not reach the loaded app the values came from
  const bundle = structuredClone({ bundleVersion: 1, app: { name: app.info.name }, general, components });
  edit?.(bundle);
  writeFileSync(path.join(dir, 'app.bundle.json'), `${JSON.stringify(bundle, null, 2)}\n`);
  return path.join(dir, 'app.bundle.json');
}
