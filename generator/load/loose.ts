import path from 'node:path';
import {
  type AppModel,
  COMPONENT_KINDS,
  type Component,
  type ComponentKind,
  componentId,
  emptyComponents,
  type GeneralCodeType,
} from '../model/app.ts';
import { componentCodeType } from './code-types.ts';
import { componentFromMeta, inferConnectionType } from './component-meta.ts';
import { hasComponent, putComponent } from './component-registry.ts';
import type { LoadContext } from './context.ts';
import {
  addComponent,
  kindOfFolder,
  listDir,
  loadComponentDocument,
  loadComponentFolder,
  loadGeneralCandidates,
  sectionOfFileName,
} from './folder-scan.ts';
import { loadCodeFile } from './read-file.ts';

/** `module-submit-lead-communication.jsonc`: dash-separated, the tail is the section. */
const FLAT_FILE = /^(connection|webhook|module|rpc|function)-(.+)\.(iml\.json|imljson|jsonc|json|js)$/i;
/** `module.getTask.api.imljson`, `connection.api.imljson`: dot-separated (older flat exports). */
const FLAT_DOTTED_FILE = /^(connection|webhook|module|rpc|function)\.(.+)\.imljson$/i;

/** Where the general files may be in a folder without a manifest, most specific first. */
export const GENERAL_CANDIDATES = {
  base: [
    'base.imljson',
    'base.iml.json',
    'base.jsonc',
    'base.json',
    'general/base.iml.json',
    'general/base.imljson',
    'base/base.iml.json',
  ],
  common: [
    'common.imljson',
    'common.iml.json',
    'common.jsonc',
    'common.json',
    'general/common.json',
    'common/common.iml.json',
    'common/common.json',
  ],
  readme: ['README.md', 'readme.md'],
  groups: ['groups.json', 'groups.imljson', 'modules/groups.json', 'general/groups.json'],
} satisfies Partial<Record<GeneralCodeType, string[]>>;

/**
 * Apps without a manifest: folders named by kind holding one document per component
 * (`modules/getTask.imljson`) or one folder per component (`webhooks/x/x.communication.iml.json`),
 * and flat files named `<kind>-<name>-<section>.json(c)` at the root.
 */
export function loadLoose(ctx: LoadContext): AppModel {
  const app: AppModel = {
    root: ctx.root,
    layout: 'loose',
    info: { name: path.basename(ctx.root) },
    general: {},
    components: emptyComponents(),
    diagnostics: ctx.diagnostics,
  };
  loadGeneralCandidates(ctx, app, GENERAL_CANDIDATES);

  discoverConventional(ctx, app, new Set(COMPONENT_KINDS));
  loadFlatFiles(ctx, app, FLAT_FILE, '-');
  loadFlatFiles(ctx, app, FLAT_DOTTED_FILE, '.');
  return app;
}

/**
 * Components of the given kinds from folders named by kind (`modules/`, `connection/`…): one
 * document per component, one folder per component, or, when every file of the folder is a
 * section of that kind (`connection/communication.imljson` + `parameters.imljson`), the folder
 * itself is the one component.
 */
export function discoverConventional(ctx: LoadContext, app: AppModel, kinds: Set<ComponentKind>): number {
  let added = 0;
  const add = (c: Component, dir?: string) => {
    if (dir !== undefined && !listDir(dir).some((e) => e.isFile() && e.name === 'metadata.json'))
      c.metadataOutside = true;
    addComponent(ctx, app, c);
    added++;
  };
  const singles: [ComponentKind, string][] = [];
  for (const e of listDir(ctx.root)) {
    if (!e.isDirectory()) continue;
    const kind = kindOfFolder(e.name);
    if (!kind || !kinds.has(kind)) continue;
    const dir = path.join(ctx.root, e.name);
    if (isSingleComponentFolder(kind, dir)) {
      singles.push([kind, dir]);
      continue;
    }
    for (const sub of listDir(dir)) {
      if (sub.isDirectory()) {
        add(loadComponentFolder(ctx, kind, path.join(dir, sub.name), sub.name), path.join(dir, sub.name));
      } else if (
        sub.isFile() &&
        /\.(imljson|iml\.json|jsonc|json)$/i.test(sub.name) &&
        !/^groups\./i.test(sub.name)
      ) {
        const c = loadComponentDocument(
          ctx,
          kind,
          path.join(dir, sub.name),
          sub.name.replace(/\.(iml\.json|imljson|jsonc|json)$/i, ''),
        );
        if (c) add(c);
      }
    }
  }
  // after the other folders, so the modules that name the connection are known
  for (const [kind, dir] of singles)
    add(loadComponentFolder(ctx, kind, dir, singleComponentName(app, kind)), dir);
  return added;
}

const CODE_DOCUMENT = /\.(imljson|iml\.json|jsonc|json)$/i;

function isSingleComponentFolder(kind: ComponentKind, dir: string): boolean {
  const entries = listDir(dir);
  const files = entries.filter((e) => e.isFile() && CODE_DOCUMENT.test(e.name) && e.name !== 'metadata.json');
  if (files.length === 0 || entries.some((e) => e.isDirectory())) return false;
  return files.every((f) => {
    const section = sectionOfFileName(f.name);
    return section !== undefined && componentCodeType(kind, section) !== undefined;
  });
}

/** The one component of a `connection/` folder takes the name modules use for it, if they agree. */
function singleComponentName(app: AppModel, kind: ComponentKind): string {
  if (kind !== 'connection') return kind;
  const named = new Set(
    Object.values(app.components.module)
      .map((m) => m.connection)
      .filter((n): n is string => typeof n === 'string' && n !== ''),
  );
  return named.size === 1 ? [...named][0] : kind;
}

/**
 * `module-submit-lead-communication.jsonc` → module `submit-lead`, code `communication`;
 * `module.getTask.api.imljson` → module `getTask`, code `communication`.
 */
function loadFlatFiles(ctx: LoadContext, app: AppModel, pattern: RegExp, separator: string): void {
  for (const e of listDir(ctx.root)) {
    const m = e.isFile() ? pattern.exec(e.name) : null;
    if (!m) continue;
    const kind = m[1].toLowerCase() as ComponentKind;
    const parts = m[2].split(separator);
    // The longest tail of the name that is a code type is the section; the rest names the component.
    let found: { name: string; type: NonNullable<ReturnType<typeof componentCodeType>> } | undefined;
    for (let i = 0; i < parts.length && !found; i++) {
      const type = componentCodeType(kind, parts.slice(i).join('-'));
      if (type) found = { name: parts.slice(0, i).join(separator) || kind, type };
    }
    if (!found) continue;
    const existing = hasComponent(app, { kind, name: found.name })
      ? app.components[kind][found.name]
      : undefined;
    const c = existing ?? componentFromMeta(kind, found.name, {});
    if (!existing) {
      c.declaredAt = { file: e.name, line: 1, column: 1, pointer: '' };
      c.metadataOutside = true;
      putComponent(app, c);
    }
    if (c.codes[found.type]) continue;
    const code = loadCodeFile(
      ctx,
      found.type,
      path.join(ctx.root, e.name),
      undefined,
      componentId({ kind, name: found.name }),
    );
    if (code) c.codes[found.type] = code;
  }
  for (const c of Object.values(app.components.connection)) {
    if (!c.connectionType) c.connectionType = inferConnectionType(c.codes.communication?.value);
  }
}
