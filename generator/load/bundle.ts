import path from 'node:path';
import {
  type AppModel,
  COMPONENT_CODE_TYPES,
  COMPONENT_KINDS,
  type Component,
  type ComponentCodeType,
  type ComponentKind,
  emptyComponents,
  GENERAL_CODE_TYPES,
} from '../model/app.ts';
import { componentId, isObject } from '../model/index.ts';
import { toPointer } from '../model/location.ts';
import { makeCodeFile, makeTextCodeFile, TEXT_CODE_TYPES } from './code-file.ts';
import { componentFromMeta, inferConnectionType } from './component-meta.ts';
import { putComponent, safeAssign } from './component-registry.ts';
import { type LoadContext, report } from './context.ts';
import type { JsonDocument } from './json-document.ts';

/**
 * Reads a single-file bundle (`AppBundle`, `bundleVersion: 1`). Every section becomes a CodeFile
 * of the bundle file whose `basePointer` says where the section sits, so positions stay exact.
 */
export function loadBundle(ctx: LoadContext, doc: JsonDocument, file: string): AppModel {
  const app: AppModel = {
    root: ctx.root,
    layout: 'bundle',
    info: {},
    general: {},
    components: emptyComponents(),
    diagnostics: ctx.diagnostics,
  };
  const bundle = doc.value as Record<string, unknown>;
  if (isObject(bundle.app)) safeAssign(app.info, bundle.app);
  if (typeof app.info.name !== 'string')
    app.info.name = path.basename(file).replace(/(\.bundle)?\.json$/i, '');
  const reading: BundleReading = { ctx, doc, file, app };
  loadGeneral(reading, bundle.general);
  if (!isObject(bundle.components)) {
    report(
      ctx,
      'load/manifest-shape',
      'error',
      "The bundle's `components` must be an object keyed by component kind.",
      doc.locate('/components'),
    );
  }
  const components = isObject(bundle.components) ? bundle.components : {};
  for (const [kind, entries] of Object.entries(components)) {
    if (!(COMPONENT_KINDS as readonly string[]).includes(kind)) {
      report(
        ctx,
        'load/unsupported-component',
        'warning',
        `Components of kind "${kind}" are not supported and were skipped.`,
        doc.locate(toPointer(['components', kind]), { key: true }),
      );
      continue;
    }
    if (!isObject(entries)) continue;
    for (const [name, entry] of Object.entries(entries))
      loadComponent(reading, kind as ComponentKind, name, entry);
  }
  return app;
}

/** What every part of one bundle's reading shares: where to report, the file, the app being filled. */
interface BundleReading {
  ctx: LoadContext;
  doc: JsonDocument;
  file: string;
  app: AppModel;
}

/** The bundle's `general` section (base, common, readme, groups) into `app.general`. */
function loadGeneral({ ctx, doc, file, app }: BundleReading, general: unknown): void {
  if (general === undefined) return;
  if (!isObject(general)) {
    report(
      ctx,
      'load/manifest-shape',
      'error',
      "The bundle's `general` must be an object (base, common, readme, groups).",
      doc.locate('/general'),
    );
    return;
  }
  for (const [key, value] of Object.entries(general)) {
    const pointer = toPointer(['general', key]);
    if (!(GENERAL_CODE_TYPES as readonly string[]).includes(key)) {
      report(
        ctx,
        'load/unknown-code-type',
        'warning',
        `Unknown general code "${key}" in the bundle.`,
        doc.locate(pointer, { key: true }),
      );
      continue;
    }
    const type = key as (typeof GENERAL_CODE_TYPES)[number];
    app.general[type] =
      key === 'readme' && typeof value === 'string'
        ? textSection(file, doc, pointer, value, type)
        : makeCodeFile(type, file, doc, pointer, value);
  }
}

/** One entry of `components.<kind>`: its metadata and codes, registered in the app. */
function loadComponent(reading: BundleReading, kind: ComponentKind, name: string, entry: unknown): void {
  const { ctx, doc, app } = reading;
  const cPointer = toPointer(['components', kind, name]);
  if (!isObject(entry)) {
    report(
      ctx,
      'load/manifest-shape',
      'error',
      `Bundle entry ${kind} "${name}" must be an object.`,
      doc.locate(cPointer),
    );
    return;
  }
  const { codes, ...meta } = entry;
  const c = componentFromMeta(kind, name, meta);
  c.declaredAt = doc.locate(cPointer, { key: true });
  if (codes !== undefined && !isObject(codes)) {
    report(
      ctx,
      'load/manifest-shape',
      'error',
      `\`codes\` of ${kind} "${name}" must be an object keyed by code type.`,
      doc.locate(`${cPointer}/codes`),
      componentId({ kind, name }),
    );
  }
  if (isObject(codes)) loadComponentCodes(reading, c, cPointer, codes);
  if (kind === 'connection' && !c.connectionType)
    c.connectionType = inferConnectionType(c.codes.communication?.value);
  putComponent(app, c);
}

/** A component's `codes` object: one CodeFile per known code type, unknown types reported. */
function loadComponentCodes(
  { ctx, doc, file }: BundleReading,
  c: Component,
  cPointer: string,
  codes: Record<string, unknown>,
): void {
  for (const [type, value] of Object.entries(codes)) {
    const pointer = `${cPointer}${toPointer(['codes', type])}`;
    if (!(COMPONENT_CODE_TYPES as readonly string[]).includes(type)) {
      report(
        ctx,
        'load/unknown-code-type',
        'warning',
        `"${type}" is not a code type.`,
        doc.locate(pointer, { key: true }),
        componentId(c),
      );
      continue;
    }
    const t = type as ComponentCodeType;
    c.codes[t] =
      TEXT_CODE_TYPES.has(t) && typeof value === 'string'
        ? textSection(file, doc, pointer, value, t)
        : makeCodeFile(t, file, doc, pointer, value);
  }
}

/** A text section (README, function code) inside the bundle: positions point at the string. */
function textSection(
  file: string,
  doc: JsonDocument,
  pointer: string,
  value: string,
  type: Parameters<typeof makeTextCodeFile>[0],
) {
  const code = makeTextCodeFile(type, file, value);
  return {
    ...code,
    basePointer: pointer,
    text: doc.text,
    locate: (p: string, o?: { key?: boolean; offsetInString?: number }) => doc.locate(pointer + p, o),
  };
}
