import { type Dirent, readdirSync } from 'node:fs';
import path from 'node:path';
import { type AppModel, type Component, type ComponentKind, componentId } from '../model/app.ts';
import { isObject } from '../model/index.ts';
import { escapePointerSegment } from '../model/location.ts';
import { setOwn } from '../model/own.ts';
import { makeCodeFile } from './code-file.ts';
import { componentCodeType, generalCodeType, KIND_FOLDERS } from './code-types.ts';
import { componentFromMeta, inferConnectionType } from './component-meta.ts';
import { hasComponent, putComponent } from './component-registry.ts';
import { type LoadContext, relativeToRoot, report } from './context.ts';
import { loadCodeFile, parseInto, readText } from './read-file.ts';

const CODE_EXT = /(\.iml\.json|\.imljson|\.jsonc|\.json|\.js|\.md)$/i;

export function listDir(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return [];
  }
}

/** `my-hook.communication.iml.json` → `communication`; `api.imljson` → `api`. */
export function sectionOfFileName(fileName: string): string | undefined {
  if (!CODE_EXT.test(fileName)) return undefined;
  const stem = fileName.replace(CODE_EXT, '');
  const dot = stem.lastIndexOf('.');
  return dot >= 0 ? stem.slice(dot + 1) : stem;
}

/**
 * A component stored as a folder of section files (older export: `metadata.json` + `api.imljson`…;
 * local-dev naming without a manifest: `<id>.communication.iml.json`…).
 */
export function loadComponentFolder(
  ctx: LoadContext,
  kind: ComponentKind,
  dir: string,
  folderName: string,
): Component {
  const metaAbs = path.join(dir, 'metadata.json');
  let meta: Record<string, unknown> = {};
  const metaEntry = listDir(dir).find((e) => e.isFile() && e.name === 'metadata.json');
  if (metaEntry) {
    const rel = relativeToRoot(ctx, metaAbs);
    ctx.referenced.add(rel);
    const text = readText(ctx, metaAbs, undefined);
    const value = text === undefined ? undefined : parseInto(ctx, text, rel).value;
    if (isObject(value)) meta = value;
  }
  const name = typeof meta.name === 'string' && meta.name !== '' ? meta.name : folderName;
  const c = componentFromMeta(kind, name, meta);
  c.declaredAt = {
    file: metaEntry ? relativeToRoot(ctx, metaAbs) : relativeToRoot(ctx, dir),
    line: 1,
    column: 1,
    pointer: '',
  };
  const id = componentId(c);
  for (const e of listDir(dir)) {
    if (!e.isFile() || e.name === 'metadata.json') continue;
    const section = sectionOfFileName(e.name);
    const type = section ? componentCodeType(kind, section) : undefined;
    if (!type) continue; // left for the unreferenced-file notice
    const abs = path.join(dir, e.name);
    if (c.codes[type]) {
      report(
        ctx,
        'load/duplicate-code',
        'warning',
        `${id} has two files for its ${type} code; "${e.name}" was ignored.`,
        { file: relativeToRoot(ctx, abs) },
        id,
      );
      continue;
    }
    const code = loadCodeFile(ctx, type, abs, undefined, id);
    if (code) c.codes[type] = code;
  }
  if (kind === 'connection' && !c.connectionType)
    c.connectionType = inferConnectionType(c.codes.communication?.value);
  return c;
}

/**
 * A component stored as one JSON document whose keys are its metadata and sections
 * (`{label, type, parameters, communication, interface…}`). Each section becomes a CodeFile
 * pointing into that document.
 */
export function loadComponentDocument(
  ctx: LoadContext,
  kind: ComponentKind,
  abs: string,
  fallbackName: string,
): Component | undefined {
  const rel = relativeToRoot(ctx, abs);
  ctx.referenced.add(rel);
  const text = readText(ctx, abs, undefined);
  if (text === undefined) return undefined;
  const doc = parseInto(ctx, text, rel);
  const value = doc.value;
  const meta: Record<string, unknown> = {};
  const sections: [string, unknown][] = [];
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (componentCodeType(kind, k)) sections.push([k, v]);
      else setOwn(meta, k, v);
    }
  }
  const name = typeof meta.name === 'string' && meta.name !== '' ? meta.name : fallbackName;
  const c = componentFromMeta(kind, name, meta);
  c.declaredAt = doc.locate('');
  for (const [k, v] of sections) {
    const type = componentCodeType(kind, k);
    if (!type || c.codes[type]) continue;
    c.codes[type] = makeCodeFile(type, rel, doc, `/${escapePointerSegment(k)}`, v);
  }
  if (kind === 'connection' && !c.connectionType)
    c.connectionType = inferConnectionType(c.codes.communication?.value);
  return c;
}

/** Loads the first existing candidate of a general code (base, common, readme, groups). */
export function loadGeneralCandidates(
  ctx: LoadContext,
  app: AppModel,
  candidates: Record<string, string[]>,
): void {
  for (const [key, files] of Object.entries(candidates)) {
    const type = generalCodeType(key);
    if (!type) continue;
    for (const f of files) {
      const abs = path.join(ctx.root, f);
      const entry = listDir(path.dirname(abs)).find((e) => e.isFile() && e.name === path.basename(abs));
      if (!entry) continue;
      const code = loadCodeFile(ctx, type, abs, undefined, type);
      if (code) app.general[type] = code;
      break;
    }
  }
}

/** Component kind of a folder name (`modules`, `connections`...). */
export function kindOfFolder(name: string): ComponentKind | undefined {
  const key = name.toLowerCase();
  return Object.hasOwn(KIND_FOLDERS, key) ? KIND_FOLDERS[key] : undefined;
}

/** Adds a component, reporting a name clash instead of overwriting. */
export function addComponent(ctx: LoadContext, app: AppModel, c: Component): void {
  if (hasComponent(app, c)) {
    report(
      ctx,
      'load/duplicate-component',
      'error',
      `The ${c.kind} "${c.name}" is defined twice; the later one was skipped.`,
      c.declaredAt ?? { file: '' },
      componentId(c),
    );
    return;
  }
  putComponent(app, c);
}
