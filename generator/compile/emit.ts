/**
 * Bundle → files of the local-development layout plus `app.bundle.json`. Pure: returns path → text,
 * byte-for-byte deterministic (components sorted by name, 2-space JSON, trailing newline).
 */
import type {
  AppBundle,
  BundleComponent,
  ComponentCodeType,
  ComponentKind,
  GeneralCodeType,
} from '../model/index.ts';
import {
  COMPONENT_CODE_TYPES,
  COMPONENT_KINDS,
  COMPONENT_META_FIELDS,
  GENERAL_CODE_TYPES,
} from '../model/index.ts';
import type { AppOrigin } from './authoring/app.ts';
import { compareNames } from './evaluate.ts';
import { codeFileName, componentFolders, GENERAL_FILES } from './layout.ts';

export const BUNDLE_FILE = 'app.bundle.json';
export const MAKECOMAPP_FILE = 'makecomapp.json';

/** Where each code of the bundle was written (for mapping diagnostics back to TypeScript). */
export interface EmittedFile {
  path: string;
  text: string;
  /** Set for code files: which component/general code the file holds. */
  code?: { kind: ComponentKind | 'general'; name: string; codeType: ComponentCodeType | GeneralCodeType };
}

function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function codeText(codeType: string, value: unknown): string {
  if (
    (codeType === 'code' || codeType === 'test' || codeType === 'readme' || codeType === 'context') &&
    typeof value === 'string'
  ) {
    // Text is written exactly as given, so import → build keeps it byte for byte.
    return value;
  }
  return jsonText(value);
}

export function emitApp(bundle: AppBundle, opts: { origins?: readonly AppOrigin[] } = {}): EmittedFile[] {
  const files: EmittedFile[] = [];
  const generalCodeFiles: Record<string, string | null> = {};
  for (const type of GENERAL_CODE_TYPES) {
    const value = bundle.general[type];
    if (value === undefined) {
      generalCodeFiles[type] = null;
      continue;
    }
    const path = GENERAL_FILES[type];
    generalCodeFiles[type] = path;
    files.push({ path, text: codeText(type, value), code: { kind: 'general', name: '', codeType: type } });
  }

  const components: Record<string, Record<string, unknown>> = { endpoint: {} };
  for (const kind of COMPONENT_KINDS) {
    const byName = bundle.components[kind] ?? {};
    const names = Object.keys(byName).sort(compareNames);
    const folders = componentFolders(kind, names);
    const entries: Record<string, unknown> = {};
    for (const name of names) {
      const c = byName[name] as BundleComponent;
      const { dir, stem } = folders.get(name)!;
      const codeFiles: Record<string, string> = {};
      for (const codeType of COMPONENT_CODE_TYPES) {
        if (!(codeType in c.codes) || c.codes[codeType] === undefined) continue;
        const path = `${dir}/${codeFileName(stem, codeType, c.connectionType === 'oauth')}`;
        codeFiles[codeType] = path;
        files.push({ path, text: codeText(codeType, c.codes[codeType]), code: { kind, name, codeType } });
      }
      entries[name] = { ...metadata(c), codeFiles };
    }
    components[kind] = entries;
  }

  const makecomapp = {
    fileVersion: 1,
    generalCodeFiles,
    components: sortKeys(components),
    origins: (opts.origins ?? []).map((o) => ({ ...o })),
  };
  files.push({ path: MAKECOMAPP_FILE, text: jsonText(makecomapp) });
  files.push({ path: BUNDLE_FILE, text: jsonText(sortedBundle(bundle)) });
  return files.sort((a, b) => compareNames(a.path, b.path));
}

/** Metadata makecomapp.json knows (Make's schema rejects other keys). */
function metadata(c: BundleComponent): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of COMPONENT_META_FIELDS) if (c[key] !== undefined) out[key] = c[key];
  return out;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.keys(record)
      .sort(compareNames)
      .map((k) => [k, record[k]!]),
  );
}

/** The bundle with components in name order (their content keeps the author's order). */
function sortedBundle(bundle: AppBundle): AppBundle {
  const components = {} as AppBundle['components'];
  for (const kind of COMPONENT_KINDS) components[kind] = sortKeys(bundle.components[kind] ?? {});
  return { ...bundle, components };
}
