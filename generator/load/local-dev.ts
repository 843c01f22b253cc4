import path from 'node:path';
import {
  type AppModel,
  COMPONENT_KINDS,
  type Component,
  type ComponentKind,
  componentId,
  emptyComponents,
} from '../model/app.ts';
import { isObject } from '../model/index.ts';
import { type SourceLocation, toPointer } from '../model/location.ts';
import { componentCodeType, generalCodeType } from './code-types.ts';
import { componentFromMeta, inferConnectionType } from './component-meta.ts';
import { hasComponent, putComponent, setLazyDeclaredAt } from './component-registry.ts';
import { type LoadContext, relativeToRoot, report, resolveInside, type Where } from './context.ts';
import { DEFAULT_MAX_DEPTH, type JsonDocument } from './json-document.ts';
import { loadCodeFile, parseInto, readText } from './read-file.ts';

/**
 * The parsed makecomapp.json of each app this loader built, so the schema step reuses it instead
 * of reading and parsing it again. Only kept when a parse with the default limits would give the
 * same value (see loadManifestDocument).
 */
export const manifestDocuments = new WeakMap<AppModel, JsonDocument>();
/** The component kinds a manifest mentions under `components` (even with no entries). */
export const manifestKinds = new WeakMap<AppModel, Set<string>>();

/**
 * A position in the manifest computed only if a finding needs it; `member` is appended to the
 * pointer (escaped) at that time. (Returned from a function so no per-call function naming runs.)
 */
function locateLater(
  doc: JsonDocument,
  pointer: string,
  key: boolean,
  member?: string,
): () => SourceLocation {
  return () =>
    doc.locate(
      member === undefined ? pointer : `${pointer}${toPointer([member])}`,
      key ? { key: true } : undefined,
    );
}

/** Reads Make's local-development layout: `makecomapp.json` plus the code files it lists. */
export function loadLocalDev(ctx: LoadContext, manifestAbs: string): AppModel {
  const app: AppModel = {
    root: ctx.root,
    layout: 'local-dev',
    info: {},
    general: {},
    components: emptyComponents(),
    diagnostics: ctx.diagnostics,
  };
  const rel = relativeToRoot(ctx, manifestAbs);
  ctx.referenced.add(rel);
  const text = readText(ctx, manifestAbs, undefined);
  if (text === undefined) return app;
  const doc = parseInto(ctx, text, rel);
  const manifest = doc.value;
  if (rel === 'makecomapp.json' && manifest !== undefined && ctx.maxDepth <= DEFAULT_MAX_DEPTH)
    manifestDocuments.set(app, doc);
  if (!isObject(manifest)) {
    if (doc.value !== undefined)
      report(ctx, 'load/manifest-shape', 'error', 'makecomapp.json must hold a JSON object.', doc.locate(''));
    return app;
  }

  const origin =
    Array.isArray(manifest.origins) && isObject(manifest.origins[0]) ? manifest.origins[0] : undefined;
  if (origin) {
    if (typeof origin.appId === 'string') app.info.name = origin.appId;
    if (typeof origin.appVersion === 'number') app.info.version = origin.appVersion;
    app.info.origins = manifest.origins;
  }
  if (!app.info.name) app.info.name = path.basename(ctx.root);

  loadGeneral(ctx, app, doc, manifest.generalCodeFiles);

  const components = manifest.components;
  manifestKinds.set(app, new Set(isObject(components) ? Object.keys(components) : []));
  if (components !== undefined && !isObject(components)) {
    report(
      ctx,
      'load/manifest-shape',
      'error',
      '`components` must be an object keyed by component kind.',
      doc.locate('/components'),
    );
  } else if (isObject(components)) {
    for (const [kind, entries] of Object.entries(components)) {
      if (!(COMPONENT_KINDS as readonly string[]).includes(kind)) {
        const empty =
          entries === null ||
          (isObject(entries) && Object.keys(entries).length === 0) ||
          (Array.isArray(entries) && entries.length === 0);
        if (!empty) {
          report(
            ctx,
            'load/unsupported-component',
            'warning',
            `Components of kind "${kind}" are not supported by this toolkit and were skipped.`,
            doc.locate(toPointer(['components', kind]), { key: true }),
          );
        }
        continue;
      }
      loadKind(ctx, app, doc, kind as ComponentKind, entries);
    }
  }
  return app;
}

function loadGeneral(ctx: LoadContext, app: AppModel, doc: JsonDocument, general: unknown): void {
  if (general === undefined || general === null) return;
  if (Array.isArray(general)) {
    report(
      ctx,
      'load/manifest-shape',
      'warning',
      '`generalCodeFiles` should be an object (`base`, `common`, `readme`, `groups` → file paths); the array was ignored.',
      doc.locate('/generalCodeFiles'),
    );
    return;
  }
  if (!isObject(general)) {
    report(
      ctx,
      'load/manifest-shape',
      'error',
      '`generalCodeFiles` must be an object of file paths.',
      doc.locate('/generalCodeFiles'),
    );
    return;
  }
  for (const [key, written] of Object.entries(general)) {
    const pointer = toPointer(['generalCodeFiles', key]);
    const type = generalCodeType(key);
    if (!type) {
      report(
        ctx,
        'load/unknown-code-type',
        'warning',
        `Unknown general code "${key}"; expected base, common, readme or groups.`,
        doc.locate(pointer, { key: true }),
      );
      continue;
    }
    if (written === null) continue;
    if (typeof written !== 'string') {
      report(
        ctx,
        'load/manifest-shape',
        'error',
        `\`generalCodeFiles.${key}\` must be a file path or null.`,
        doc.locate(pointer),
      );
      continue;
    }
    const ref = () => doc.locate(pointer);
    const abs = resolveInside(ctx, written, ref, type);
    if (!abs) continue;
    const code = loadCodeFile(ctx, type, abs, ref, type);
    if (code) app.general[type] = code;
  }
}

function loadKind(
  ctx: LoadContext,
  app: AppModel,
  doc: JsonDocument,
  kind: ComponentKind,
  entries: unknown,
): void {
  const kindPointer = toPointer(['components', kind]);
  let list: { name: string; meta: unknown; pointer: string; byKey: boolean }[];
  if (Array.isArray(entries)) {
    // Variant seen in real apps: an array of entries each carrying its `name`.
    list = entries.map((meta, i) => ({
      name: isObject(meta) && typeof meta.name === 'string' ? meta.name : '',
      meta,
      pointer: `${kindPointer}/${i}`,
      byKey: false,
    }));
  } else if (isObject(entries)) {
    list = Object.entries(entries).map(([name, meta]) => ({
      name,
      meta,
      pointer: `${kindPointer}${toPointer([name])}`,
      byKey: true,
    }));
  } else {
    if (entries !== null && entries !== undefined) {
      report(
        ctx,
        'load/manifest-shape',
        'error',
        `\`components.${kind}\` must be an object keyed by component name.`,
        doc.locate(kindPointer),
      );
    }
    return;
  }
  for (const entry of list) {
    if (entry.meta === null) continue; // reserved name, no code
    const declaredAt = locateLater(doc, entry.pointer, entry.byKey);
    if (!isObject(entry.meta) || entry.name === '') {
      report(
        ctx,
        'load/manifest-shape',
        'error',
        `A ${kind} entry must be an object${entry.byKey ? '' : ' with a `name`'}; it was skipped.`,
        declaredAt,
      );
      continue;
    }
    if (hasComponent(app, { kind, name: entry.name })) {
      report(
        ctx,
        'load/duplicate-component',
        'error',
        `The ${kind} "${entry.name}" is declared twice; the later one was skipped.`,
        declaredAt,
      );
      continue;
    }
    const component = componentFromMeta(kind, entry.name, entry.meta);
    setLazyDeclaredAt(component, declaredAt);
    loadComponentCodes(ctx, doc, component, entry.meta.codeFiles, `${entry.pointer}/codeFiles`);
    if (kind === 'connection' && !component.connectionType) {
      component.connectionType = inferConnectionType(component.codes.communication?.value);
    }
    putComponent(app, component);
  }
}

function loadComponentCodes(
  ctx: LoadContext,
  doc: JsonDocument,
  c: Component,
  codeFiles: unknown,
  pointer: string,
): void {
  const id = componentId(c);
  if (codeFiles === undefined) {
    report(
      ctx,
      'load/manifest-shape',
      'warning',
      `${id} has no \`codeFiles\`; it has no code.`,
      c.declaredAt ?? doc.locate(pointer),
    );
    return;
  }
  if (!isObject(codeFiles)) {
    report(
      ctx,
      'load/manifest-shape',
      'error',
      `\`codeFiles\` of ${id} must be an object of file paths.`,
      doc.locate(pointer),
      id,
    );
    return;
  }
  for (const [key, written] of Object.entries(codeFiles)) {
    if (written === null) continue;
    if (typeof written !== 'string') {
      report(
        ctx,
        'load/manifest-shape',
        'error',
        `\`codeFiles.${key}\` of ${id} must be a file path or null.`,
        doc.locate(`${pointer}${toPointer([key])}`),
        id,
      );
      continue;
    }
    // the entry's pointer is built only when a finding needs its position (most never do)
    const ref = locateLater(doc, pointer, false, key);
    const abs = resolveInside(ctx, written, ref, id);
    if (!abs) continue;
    const type = componentCodeType(c.kind, key);
    if (!type) {
      loadMetaFile(ctx, c, key, abs, ref, locateLater(doc, pointer, true, key));
      continue;
    }
    if (c.codes[type]) {
      report(
        ctx,
        'load/duplicate-code',
        'warning',
        `${id} lists two files for its ${type} code; "${written}" was ignored.`,
        ref,
        id,
      );
      ctx.referenced.add(relativeToRoot(ctx, abs));
      continue;
    }
    const code = loadCodeFile(ctx, type, abs, ref, id);
    if (code) c.codes[type] = code;
  }
}

/**
 * A `codeFiles` key that is no code type (`meta`, `metadata`...): the file is read as metadata,
 * kept in `extra[key]`, and fills label/description/type the manifest did not give.
 */
function loadMetaFile(
  ctx: LoadContext,
  c: Component,
  key: string,
  abs: string,
  ref: Where,
  keyRef: Where,
): void {
  const id = componentId(c);
  const isMeta = /^meta(data)?$/i.test(key);
  if (!isMeta) {
    report(
      ctx,
      'load/unknown-code-type',
      'warning',
      `"${key}" is not a code type of a ${c.kind}; the file was not loaded as code.`,
      keyRef,
      id,
    );
  }
  const code = loadCodeFile(ctx, 'common', abs, ref, id);
  if (!code || !isObject(code.value)) return;
  c.extra = { ...(c.extra ?? {}), [key]: code.value };
  if (!isMeta) return;
  const fromMeta = componentFromMeta(c.kind, c.name, code.value);
  c.label ??= fromMeta.label;
  c.description ??= fromMeta.description;
  c.moduleType ??= fromMeta.moduleType;
  c.connectionType ??= fromMeta.connectionType;
  c.webhookType ??= fromMeta.webhookType;
  if (c.label === undefined) delete c.label;
  if (c.description === undefined) delete c.description;
  if (c.moduleType === undefined) delete c.moduleType;
  if (c.connectionType === undefined) delete c.connectionType;
  if (c.webhookType === undefined) delete c.webhookType;
}
