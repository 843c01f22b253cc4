import path from 'node:path';
import { type AppModel, type ComponentKind, emptyComponents } from '../model/app.ts';
import { componentCodeType } from './code-types.ts';
import { componentFromMeta, inferConnectionType } from './component-meta.ts';
import { hasComponent, putComponent } from './component-registry.ts';
import { type LoadContext, loadCodeFile } from './context.ts';
import {
  addComponent,
  kindOfFolder,
  listDir,
  loadComponentDocument,
  loadComponentFolder,
  loadGeneralCandidates,
} from './folder-scan.ts';

const FLAT_FILE = /^(connection|webhook|module|rpc|function)-(.+)\.(iml\.json|imljson|jsonc|json|js)$/i;

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
  loadGeneralCandidates(ctx, app, {
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
  });

  for (const e of listDir(ctx.root)) {
    if (!e.isDirectory()) continue;
    const kind = kindOfFolder(e.name);
    if (!kind) continue;
    const dir = path.join(ctx.root, e.name);
    for (const sub of listDir(dir)) {
      if (sub.isDirectory()) {
        addComponent(ctx, app, loadComponentFolder(ctx, kind, path.join(dir, sub.name), sub.name));
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
        if (c) addComponent(ctx, app, c);
      }
    }
  }
  loadFlatFiles(ctx, app);
  return app;
}

/** `module-submit-lead-communication.jsonc` → module `submit-lead`, code `communication`. */
function loadFlatFiles(ctx: LoadContext, app: AppModel): void {
  for (const e of listDir(ctx.root)) {
    const m = e.isFile() ? FLAT_FILE.exec(e.name) : null;
    if (!m) continue;
    const kind = m[1].toLowerCase() as ComponentKind;
    const parts = m[2].split('-');
    // The longest tail of the name that is a code type is the section; the rest names the component.
    let found: { name: string; type: NonNullable<ReturnType<typeof componentCodeType>> } | undefined;
    for (let i = 0; i < parts.length && !found; i++) {
      const type = componentCodeType(kind, parts.slice(i).join('-'));
      if (type) found = { name: parts.slice(0, i).join('-') || kind, type };
    }
    if (!found) continue;
    const existing = hasComponent(app, { kind, name: found.name })
      ? app.components[kind][found.name]
      : undefined;
    const c = existing ?? componentFromMeta(kind, found.name, {});
    if (!existing) {
      c.declaredAt = { file: e.name, line: 1, column: 1, pointer: '' };
      putComponent(app, c);
    }
    if (c.codes[found.type]) continue;
    const code = loadCodeFile(
      ctx,
      found.type,
      path.join(ctx.root, e.name),
      undefined,
      `${kind}s.${found.name}`,
    );
    if (code) c.codes[found.type] = code;
  }
  for (const c of Object.values(app.components.connection)) {
    if (!c.connectionType) c.connectionType = inferConnectionType(c.codes.communication?.value);
  }
}
