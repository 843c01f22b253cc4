import path from 'node:path';
import { type AppModel, emptyComponents } from '../model/app.ts';
import { isObject } from '../model/index.ts';
import { safeAssign } from './component-registry.ts';
import { type LoadContext, relativeToRoot } from './context.ts';
import {
  addComponent,
  kindOfFolder,
  listDir,
  loadComponentFolder,
  loadGeneralCandidates,
} from './folder-scan.ts';
import { parseInto, readText } from './read-file.ts';

/**
 * Reads the older SDK export: `metadata.json` (app name, label, version, theme…), `base.imljson`,
 * `readme.md`, and one folder per component under `connections/`, `webhooks/`, `modules/`,
 * `rpcs/`, `functions/`, each with its own `metadata.json` and `<section>.imljson` files.
 */
export function loadImljsonExport(ctx: LoadContext): AppModel {
  const app: AppModel = {
    root: ctx.root,
    layout: 'imljson-export',
    info: {},
    general: {},
    components: emptyComponents(),
    diagnostics: ctx.diagnostics,
  };
  const metaAbs = path.join(ctx.root, 'metadata.json');
  const rel = relativeToRoot(ctx, metaAbs);
  ctx.referenced.add(rel);
  const text = readText(ctx, metaAbs, undefined);
  const meta = text === undefined ? undefined : parseInto(ctx, text, rel).value;
  if (isObject(meta)) {
    safeAssign(app.info, meta);
  }
  if (typeof app.info.name !== 'string') app.info.name = path.basename(ctx.root);

  loadGeneralCandidates(ctx, app, {
    base: ['base.imljson', 'base.json'],
    common: ['common.imljson', 'common.json'],
    readme: ['readme.md', 'README.md', 'content.md'],
    groups: ['groups.imljson', 'groups.json'],
  });

  for (const e of listDir(ctx.root)) {
    const kind = e.isDirectory() ? kindOfFolder(e.name) : undefined;
    if (!kind) continue;
    for (const sub of listDir(path.join(ctx.root, e.name))) {
      if (!sub.isDirectory()) continue;
      addComponent(ctx, app, loadComponentFolder(ctx, kind, path.join(ctx.root, e.name, sub.name), sub.name));
    }
  }
  return app;
}
