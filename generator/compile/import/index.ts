/**
 * `importApp`: any app the loader reads → an app-src-style TypeScript folder (ts-morph writes the
 * files). Refuses a non-empty output folder unless `force`; never deletes anything.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IndentationText, Project, QuoteKind } from 'ts-morph';
import { loadApp } from '../../load/index.ts';
import { InputError } from '../../model/errors.ts';
import type { AppModel } from '../../model/index.ts';
import { compareNames } from '../evaluate.ts';
import { throughSymlink } from '../output-folder.ts';
import { type GeneratedFile, generateApp, TOOLKIT } from './generate.ts';

export interface ImportOptions {
  out: string;
  force?: boolean;
  /** Module specifier of the authoring API as seen from the output folder (default: a relative path to this toolkit). */
  toolkit?: string;
}

export interface ImportResult {
  out: string;
  files: string[];
  /** Problems the loader reported while reading the source app (the import still ran). */
  loadDiagnostics: AppModel['diagnostics'];
  /** Things the user must do by hand (an existing package.json that is not ESM is left alone). */
  notes: string[];
}

const TOOLKIT_ENTRY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'index.ts');

export function importApp(source: string | AppModel, opts: ImportOptions): ImportResult {
  const app = typeof source === 'string' ? loadApp(source) : source;
  const out = path.resolve(opts.out);
  if (existsSync(out)) {
    if (!statSync(out).isDirectory())
      throw new InputError(`"${opts.out}" exists and is not a folder`, { file: opts.out });
    if (readdirSync(out).length > 0 && !opts.force) {
      throw new InputError(
        `"${opts.out}" is not empty; choose an empty folder or pass --force to overwrite the generated files`,
        {
          file: opts.out,
        },
      );
    }
  }
  mkdirSync(out, { recursive: true });
  const files = generateApp(app);
  // Importing into the app's own folder (with force) must never replace a file the app was read from.
  const sources = sourceFiles(app);
  const clash = files.map((f) => f.path).filter((rel) => sources.has(path.join(out, rel)));
  if (clash.length > 0) {
    throw new InputError(`refusing to overwrite files of the app being imported: ${clash.join(', ')}`, {
      file: opts.out,
    });
  }
  const linked = files.map((f) => f.path).filter((rel) => throughSymlink(out, rel));
  if (linked.length > 0) {
    throw new InputError(`refusing to write through a symbolic link: ${linked.join(', ')}`, {
      file: opts.out,
    });
  }
  const project = new Project({
    useInMemoryFileSystem: false,
    skipAddingFilesFromTsConfig: true,
    manipulationSettings: { quoteKind: QuoteKind.Single, indentationText: IndentationText.TwoSpaces },
  });
  for (const f of files) {
    const abs = path.join(out, f.path);
    const sf = project.createSourceFile(abs, '', { overwrite: true });
    if (f.header) sf.addStatements(f.header);
    const toolkit = opts.toolkit ?? toolkitSpecifier(abs);
    sf.addImportDeclarations(
      [...f.imports.entries()]
        .map(([from, names]) => ({
          moduleSpecifier: from === TOOLKIT ? toolkit : from,
          namedImports: [...names].sort(compareNames),
        }))
        .sort(
          (a, b) =>
            order(a.moduleSpecifier, toolkit) - order(b.moduleSpecifier, toolkit) ||
            compareNames(a.moduleSpecifier, b.moduleSpecifier),
        ),
    );
    sf.addStatements(`\n${f.body}`);
  }
  project.saveSync();
  const written = files.map((f: GeneratedFile) => f.path);
  // The sources are ES modules; outside an ESM package tsx would load them as CommonJS. A
  // package.json already in the folder is the user's: it is never replaced, only pointed out.
  const notes: string[] = [];
  const ownPackage = path.join(out, 'package.json');
  if (existsSync(ownPackage) && !hasEsmPackage(out)) {
    notes.push(
      `${path.join(opts.out, 'package.json')} was left as it is; add "type": "module" to it so the sources load as ES modules`,
    );
  } else if (!hasEsmPackage(out)) {
    writeFileSync(
      path.join(out, 'package.json'),
      `${JSON.stringify({ private: true, type: 'module' }, null, 2)}\n`,
    );
    written.push('package.json');
  }
  return { out, files: written.sort(compareNames), loadDiagnostics: app.diagnostics, notes };
}

/** Absolute paths of the files the app was read from. */
function sourceFiles(app: AppModel): Set<string> {
  const files = new Set<string>();
  const add = (rel: string | undefined) => rel && files.add(path.resolve(app.root, rel));
  for (const code of Object.values(app.general)) add(code?.file);
  for (const kind of Object.values(app.components))
    for (const c of Object.values(kind)) {
      add(c.declaredAt?.file);
      for (const code of Object.values(c.codes)) add(code?.file);
    }
  return files;
}

/** Toolkit import first, then the app's own files. */
function order(spec: string, toolkit: string): number {
  return spec === toolkit ? 0 : 1;
}

function toolkitSpecifier(fromFile: string): string {
  const rel = path.relative(path.dirname(fromFile), TOOLKIT_ENTRY).split(path.sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** True when the nearest package.json above (or in) `dir` declares `"type": "module"`. */
function hasEsmPackage(dir: string): boolean {
  for (let d = dir; ; d = path.dirname(d)) {
    const pkg = path.join(d, 'package.json');
    if (existsSync(pkg)) {
      try {
        return (JSON.parse(readFileSync(pkg, 'utf8')) as { type?: string }).type === 'module';
      } catch {
        return false;
      }
    }
    if (path.dirname(d) === d) return false;
  }
}
