/**
 * AppModel → app-src-style TypeScript: one file per component using the authoring API, IML kept
 * as the strings it was written as. Whatever the typed fields cannot express (a dangling
 * connection name, a section the component kind does not model) goes through `withExtras`, so a
 * rebuild gives back the same JSON.
 */
import path from 'node:path';
import type { AppModel, Component, ComponentCodeType, ComponentKind } from '../../model/index.ts';
import { COMPONENT_KINDS, setOwn } from '../../model/index.ts';
import { SECTION_CODE_TYPES } from '../authoring/definition.ts';
import { compareNames } from '../evaluate.ts';
import { componentFolders } from '../layout.ts';
import { connectionStores, groupsAreTyped, requestStores } from './collect.ts';
import { printLiteral, propertyKey, quote, templateLiteral } from './literal.ts';
import { IdentifierPool } from './names.ts';
import { builderText, convertRefs } from './refs.ts';
import { scopeFor } from './scopes.ts';

export interface GeneratedFile {
  /** Path relative to the output folder, forward slashes. */
  path: string;
  /** Named imports: module specifier → names (the toolkit specifier is written as `@toolkit`). */
  imports: Map<string, Set<string>>;
  /** The exported declaration (`export const x = ...;` or `export default ...;`). */
  body: string;
  header?: string;
}

export const TOOLKIT = '@toolkit';

const DIRS: Record<ComponentKind, string> = {
  connection: 'connections',
  webhook: 'webhooks',
  module: 'modules',
  rpc: 'rpcs',
  function: 'functions',
};
const SUFFIX: Record<ComponentKind, string> = {
  connection: 'Connection',
  webhook: 'Webhook',
  module: 'Module',
  rpc: 'Rpc',
  function: 'Function',
};
const DEFINE: Record<ComponentKind, string> = {
  connection: 'defineConnection',
  webhook: 'defineWebhook',
  module: 'defineModule',
  rpc: 'defineRpc',
  function: 'defineFunction',
};

interface Entry {
  component: Component;
  ident: string;
  path: string;
}

type Refs = Record<ComponentKind, Map<string, Entry>>;

function addImport(file: GeneratedFile, from: string, name: string): void {
  const set = file.imports.get(from) ?? new Set<string>();
  file.imports.set(from, set);
  set.add(name);
}

function relImport(fromFile: string, toFile: string): string {
  const rel = path.posix.relative(path.posix.dirname(fromFile), toFile);
  return rel.startsWith('.') ? rel : `./${rel}`;
}

export function generateApp(app: AppModel): GeneratedFile[] {
  const pool = new IdentifierPool();
  const refs = {
    connection: new Map(),
    webhook: new Map(),
    module: new Map(),
    rpc: new Map(),
    function: new Map(),
  } as Refs;
  for (const kind of COMPONENT_KINDS) {
    const names = Object.keys(app.components[kind]).sort(compareNames);
    const folders = componentFolders(kind, names);
    for (const name of names) {
      const stem = folders.get(name)!.stem;
      refs[kind].set(name, {
        component: app.components[kind][name]!,
        ident: pool.take(name, SUFFIX[kind]),
        path: `${DIRS[kind]}/${stem}.ts`,
      });
    }
  }
  const files: GeneratedFile[] = [];
  for (const kind of COMPONENT_KINDS)
    for (const entry of refs[kind].values()) files.push(componentFile(entry, refs));
  files.push(...generalFiles(app, refs));
  return files;
}

/** A reference to another component: its variable when it exists, else the name kept as metadata. */
function linkTo(
  file: GeneratedFile,
  refs: Refs,
  kind: ComponentKind,
  name: string | null | undefined,
  field: string,
  props: string[],
  extraMeta: Record<string, unknown>,
): void {
  if (name === undefined || name === null) return;
  const target = refs[kind].get(name);
  if (!target) {
    setOwn(extraMeta, field, name);
    return;
  }
  addImport(file, relImport(file.path, target.path), target.ident);
  props.push(`${field}: ${target.ident},`);
}

function componentFile(entry: Entry, refs: Refs): GeneratedFile {
  const c = entry.component;
  const file: GeneratedFile = { path: entry.path, imports: new Map(), body: '' };
  addImport(file, TOOLKIT, DEFINE[c.kind]);
  const props: string[] = [`name: ${quote(c.name)},`];
  const extraMeta: Record<string, unknown> = {};
  const extraCodes: Partial<Record<ComponentCodeType, unknown>> = {};

  if (c.kind === 'module') {
    if (c.moduleType) props.push(`type: ${quote(c.moduleType)},`);
    if (c.moduleType === 'action' && c.actionCrud) props.push(`crud: ${quote(c.actionCrud)},`);
    if (c.moduleType !== 'action' && c.actionCrud) extraMeta.actionCrud = c.actionCrud;
  }
  if (c.kind === 'connection' && c.connectionType) props.push(`type: ${quote(c.connectionType)},`);
  if (c.kind === 'webhook' && c.webhookType) props.push(`type: ${quote(c.webhookType)},`);
  if (c.label !== undefined && c.kind !== 'function') props.push(`label: ${quote(c.label)},`);
  if (c.description !== undefined) {
    if (c.kind === 'module') props.push(`description: ${quote(c.description)},`);
    else extraMeta.description = c.description;
  }
  if (c.kind === 'module' || c.kind === 'rpc' || c.kind === 'webhook') {
    linkTo(file, refs, 'connection', c.connection, 'connection', props, extraMeta);
    if (c.kind === 'webhook') {
      if (c.altConnection != null) extraMeta.altConnection = c.altConnection;
    } else linkTo(file, refs, 'connection', c.altConnection, 'altConnection', props, extraMeta);
  }
  if (c.kind === 'module') linkTo(file, refs, 'webhook', c.webhook, 'webhook', props, extraMeta);

  const table = SECTION_CODE_TYPES[c.kind];
  const keyOf = new Map(Object.entries(table).map(([k, t]) => [t, k]));
  if (c.kind === 'connection') {
    const stores = connectionStores(c.codes.communication?.value);
    if (stores.length) props.push(`stores: ${printLiteral(stores, 2)},`);
  }
  if (c.kind === 'webhook') {
    const stores = [
      ...new Set([...requestStores(c.codes.attach?.value), ...requestStores(c.codes.update?.value)]),
    ].sort();
    if (stores.length) props.push(`stores: ${printLiteral(stores, 2)},`);
  }
  const codes = (Object.entries(c.codes) as [ComponentCodeType, { value: unknown } | undefined][]).sort(
    ([a], [b]) => rank(a) - rank(b) || compareNames(a, b),
  );
  for (const [codeType, code] of codes) {
    if (code?.value === undefined) continue;
    const key = keyOf.get(codeType);
    if (!key) {
      setOwn(extraCodes, codeType, code.value);
      continue;
    }
    let text: string;
    const scope = scopeFor(c, codeType, refs.connection);
    if (c.kind === 'function' && typeof code.value === 'string') text = templateLiteral(code.value);
    else if (scope) {
      const used = new Set<string>();
      text = builderText(printLiteral(convertRefs(code.value, scope, used), 2), used);
    } else text = printLiteral(code.value, 2);
    props.push(`${propertyKey(key)}: ${text},`);
  }

  let call = `${DEFINE[c.kind]}({\n${props.map((p) => `  ${p}`).join('\n')}\n})`;
  const hasExtras = Object.keys(extraMeta).length > 0 || Object.keys(extraCodes).length > 0;
  if (hasExtras) {
    addImport(file, TOOLKIT, 'withExtras');
    const extras: Record<string, unknown> = {};
    if (Object.keys(extraMeta).length) extras.meta = extraMeta;
    if (Object.keys(extraCodes).length) extras.codes = extraCodes;
    call = `withExtras(\n  ${call.replace(/\n/g, '\n  ')},\n  ${printLiteral(extras, 2)},\n)`;
  }
  file.body = `export const ${entry.ident} = ${call};`;
  return file;
}

/** Reading order of sections: what the component needs, its inputs, its requests, its outputs. */
const SECTION_ORDER: readonly ComponentCodeType[] = [
  'scope',
  'requiredScope',
  'scopeList',
  'defaultScope',
  'common',
  'params',
  'staticParams',
  'mappableParams',
  'communication',
  'epoch',
  'attach',
  'detach',
  'update',
  'interface',
  'samples',
  'installSpec',
  'installDirectives',
  'code',
  'test',
];

function rank(t: ComponentCodeType): number {
  const i = SECTION_ORDER.indexOf(t);
  return i < 0 ? SECTION_ORDER.length : i;
}

function generalFiles(app: AppModel, refs: Refs): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  const appFile: GeneratedFile = { path: 'app.ts', imports: new Map(), body: '' };
  addImport(appFile, TOOLKIT, 'defineApp');
  const props: string[] = [];
  const info = app.info;
  for (const key of ['name', 'label', 'version', 'description', 'theme', 'language', 'audience'] as const) {
    if (info[key] !== undefined) props.push(`${key}: ${printLiteral(info[key], 2)},`);
  }
  const base = app.general.base?.value;
  if (base !== undefined) {
    const baseFile: GeneratedFile = { path: 'general/base.ts', imports: new Map(), body: '' };
    addImport(baseFile, TOOLKIT, 'defineBase');
    baseFile.body = `export const base = defineBase({\n  communication: ${printLiteral(base, 2)},\n});`;
    files.push(baseFile);
    addImport(appFile, './general/base.ts', 'base');
    props.push('base,');
  }
  const readme = app.general.readme?.value;
  if (typeof readme === 'string') {
    files.push({
      path: 'general/readme.ts',
      imports: new Map(),
      body: `export const readme = ${templateLiteral(readme)};`,
    });
    addImport(appFile, './general/readme.ts', 'readme');
    props.push('readme,');
  }
  const common = app.general.common?.value;
  const generalCodes: Record<string, unknown> = {};
  if (common !== undefined) {
    if (common !== null && typeof common === 'object' && !Array.isArray(common))
      props.push(`common: ${printLiteral(common, 2)},`);
    else generalCodes.common = common;
  }
  if (typeof readme !== 'string' && readme !== undefined) generalCodes.readme = readme;
  const groups = app.general.groups?.value;
  if (groups !== undefined) {
    if (groupsAreTyped(groups, new Set(refs.module.keys()))) {
      const lines = groups.map((g) => {
        const mods = g.modules.map((m) => {
          const e = refs.module.get(m)!;
          addImport(appFile, `./${e.path}`, e.ident);
          return e.ident;
        });
        return `    { label: ${quote(g.label)}, modules: [${mods.join(', ')}] },`;
      });
      props.push(`groups: [\n${lines.join('\n')}\n  ],`);
    } else generalCodes.groups = groups;
  }
  for (const kind of COMPONENT_KINDS) {
    const entries = [...refs[kind].values()];
    if (!entries.length) continue;
    for (const e of entries) addImport(appFile, `./${e.path}`, e.ident);
    props.push(`${DIRS[kind]}: [${entries.map((e) => e.ident).join(', ')}],`);
  }
  if (Object.keys(generalCodes).length) props.push(`generalCodes: ${printLiteral(generalCodes, 2)},`);
  appFile.body = `export default defineApp({\n${props.map((p) => `  ${p}`).join('\n')}\n});`;
  files.push(appFile);
  return files;
}
