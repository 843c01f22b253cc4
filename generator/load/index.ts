import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AppModel } from '../model/app.ts';
import { isBundle } from '../model/bundle.ts';
import { compareDiagnostics } from '../model/diagnostic.ts';
import { InputError } from '../model/errors.ts';
import { loadBundle } from './bundle.ts';
import { createContext, type LoadOptions } from './context.ts';
import { loadImljsonExport } from './imljson-export.ts';
import { withConventionalFallback } from './incomplete-manifest.ts';
import { type JsonDocument, parseJsonDocument } from './json-document.ts';
import { loadLocalDev, manifestDocuments } from './local-dev.ts';
import { loadLoose } from './loose.ts';
import { parseInto, readText } from './read-file.ts';
import { reportUnreferenced, scanAppFolder } from './unreferenced.ts';

export type { LoadOptions } from './context.ts';
export { DiskSnapshot } from './disk-snapshot.ts';
export { DocumentCache } from './document-cache.ts';
export {
  type JsonDocument,
  type LocateOptions,
  type ParseJsonOptions,
  parseJsonDocument,
} from './json-document.ts';

/**
 * Loads a Make app from `target`: an app folder, a `makecomapp.json`, a bundle JSON file
 * (`bundleVersion: 1`), an older export folder (`metadata.json` + `*.imljson`), or a folder of
 * loose code files. The layout is detected. Problems inside the app become `app.diagnostics`;
 * only a `target` that does not exist or is no app at all throws (`InputError`).
 */
export function loadApp(target: string, opts: LoadOptions = {}): AppModel {
  const abs = path.resolve(target);
  if (!existsSync(abs)) throw new InputError(`"${target}" does not exist.`, { file: target });
  const st = statSync(abs);
  let app: AppModel;
  opts.documents?.startLoad();
  opts.disk?.startLoad();
  if (st.isFile()) {
    app = loadFromFile(abs, opts);
  } else if (st.isDirectory()) {
    app = loadFromFolder(abs, opts);
  } else {
    throw new InputError(`"${target}" is neither a file nor a folder.`, { file: target });
  }
  opts.documents?.endLoad();
  opts.disk?.endLoad();
  app.diagnostics.sort(compareDiagnostics);
  if (opts.readText || opts.disk) loadOptionsOf.set(app, opts);
  return app;
}

/** The options an app was loaded with, when they change what is read (later reads honour them). */
const loadOptionsOf = new WeakMap<AppModel, LoadOptions>();

function loadFromFile(abs: string, opts: LoadOptions): AppModel {
  const dir = path.dirname(abs);
  const name = path.basename(abs);
  if (name === 'makecomapp.json') return withUnreferenced(dir, opts, (ctx) => loadLocalDev(ctx, abs));
  if (name === 'metadata.json') return withUnreferenced(dir, opts, (ctx) => loadImljsonExport(ctx));
  const ctx = createContext(dir, opts);
  const text = readText(ctx, abs, undefined);
  const doc = text === undefined ? undefined : parseInto(ctx, text, name);
  if (doc && isBundle(doc.value)) return loadBundle(ctx, doc, name);
  if (doc?.value === undefined && ctx.diagnostics.length > 0) {
    // An unreadable or broken bundle: report it as an empty app rather than throwing.
    return {
      root: dir,
      layout: 'bundle',
      info: {},
      general: {},
      components: emptyKinds(),
      diagnostics: ctx.diagnostics,
    };
  }
  throw new InputError(
    `"${name}" is not an app: give an app folder, a makecomapp.json, or a bundle JSON file with "bundleVersion": 1.`,
    { file: abs },
  );
}

function loadFromFolder(dir: string, opts: LoadOptions): AppModel {
  const manifest = path.join(dir, 'makecomapp.json');
  if (existsSync(manifest))
    return withUnreferenced(dir, opts, (ctx) => withConventionalFallback(ctx, loadLocalDev(ctx, manifest)));
  if (existsSync(path.join(dir, 'metadata.json')) && hasImljson(dir)) {
    return withUnreferenced(dir, opts, (ctx) => loadImljsonExport(ctx));
  }
  const bundle = path.join(dir, 'app.bundle.json');
  if (existsSync(bundle)) return loadFromFile(bundle, opts);
  const app = withUnreferenced(dir, opts, (ctx) => loadLoose(ctx));
  const found =
    Object.keys(app.general).length +
    Object.values(app.components).reduce((n, k) => n + Object.keys(k).length, 0);
  if (found === 0) {
    throw new InputError(
      `No Make app found in "${dir}": expected a makecomapp.json, a metadata.json with *.imljson files, an app.bundle.json, or folders such as modules/ and connections/.`,
      { file: dir },
    );
  }
  return app;
}

function withUnreferenced(
  dir: string,
  opts: LoadOptions,
  load: (ctx: ReturnType<typeof createContext>) => AppModel,
): AppModel {
  const ctx = createContext(dir, opts);
  const found = scanAppFolder(ctx);
  const app = load(ctx);
  reportUnreferenced(ctx, found);
  return app;
}

/** True when some `*.imljson` file sits in the folder or one/two levels below. */
function hasImljson(dir: string, depth = 0): boolean {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  for (const e of entries) {
    if (e.isFile() && e.name.endsWith('.imljson')) return true;
    if (
      e.isDirectory() &&
      depth < 2 &&
      !e.name.startsWith('.') &&
      hasImljson(path.join(dir, e.name), depth + 1)
    )
      return true;
  }
  return false;
}

function emptyKinds(): AppModel['components'] {
  return { connection: {}, webhook: {}, module: {}, rpc: {}, function: {} };
}

/**
 * The parsed `makecomapp.json` of a local-development app (for the schema step), or undefined for
 * other layouts or when it cannot be read. Load problems were already reported by `loadApp`.
 */
export function loadManifestDocument(app: AppModel): { file: string; doc: JsonDocument } | undefined {
  if (app.layout !== 'local-dev') return undefined;
  const loaded = manifestDocuments.get(app);
  if (loaded) return { file: 'makecomapp.json', doc: loaded };
  const abs = path.join(app.root, 'makecomapp.json');
  const ctx = createContext(app.root, loadOptionsOf.get(app));
  const text = readText(ctx, abs, undefined);
  if (text === undefined) return undefined;
  const doc = parseJsonDocument(text, 'makecomapp.json');
  return doc.value === undefined ? undefined : { file: 'makecomapp.json', doc };
}

/**
 * Reads one more file of a loaded app (e.g. a metadata file, for its comments) with the loader's
 * safeguards: inside the app folder, a regular file, within the size limit. Undefined when it
 * cannot be read; the reason was already reported when the app loaded.
 */
export function readAppFile(app: AppModel, rel: string): string | undefined {
  if (rel === 'makecomapp.json') {
    const manifest = loadManifestDocument(app);
    if (manifest) return manifest.doc.text;
  }
  const ctx = createContext(app.root, loadOptionsOf.get(app));
  return readText(ctx, path.resolve(app.root, rel), undefined);
}
