/**
 * The init workflow: scaffold a new app project (package.json depending on this package,
 * tsconfig.json, README, app-src/ with a connection, a module and a scenario) that builds, lints
 * clean and simulates out of the box. Only an empty or missing folder is used; nothing is replaced.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalPath, systemLocationProblem } from '../compile/output-folder.ts';
import { projectPackageJson, projectTsconfig } from '../compile/project-files.ts';
import { InputError, UsageError } from '../model/errors.ts';
import { packageFile } from '../model/package-files.ts';

export interface InitOptions {
  /** The project folder (created when missing; must be empty). */
  dir: string;
  /** The app's name (default: the folder's name). */
  name?: string;
}

export interface InitResult {
  dir: string;
  /** Files written, relative to `dir`. */
  files: string[];
}

const TEMPLATE = packageFile('templates/init');
/** Template files stored under another name (npm would treat a shipped `.gitignore` specially). */
const RENAMED: Record<string, string> = { gitignore: '.gitignore' };

export function init(opts: InitOptions): InitResult {
  const dir = path.resolve(opts.dir);
  const system = systemLocationProblem(canonicalPath(dir));
  if (system) throw new UsageError(`${opts.dir} ${system}; choose a new or empty folder for the project`);
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory())
      throw new InputError(`"${opts.dir}" exists and is not a folder`, { file: opts.dir });
    if (readdirSync(dir).length > 0)
      throw new InputError(`"${opts.dir}" is not empty; init only writes into an empty or new folder`, {
        file: opts.dir,
      });
  }
  const name = appName(opts.name ?? path.basename(dir));
  const files = new Map<string, string>([
    ['package.json', projectPackageJson(name)],
    ['tsconfig.json', projectTsconfig()],
  ]);
  for (const rel of templateFiles(TEMPLATE)) {
    const text = readFileSync(path.join(TEMPLATE, rel), 'utf8')
      .replaceAll('__NAME__', name)
      .replaceAll('__LABEL__', label(name));
    files.set(RENAMED[rel] ?? rel, text);
  }
  for (const [rel, text] of files) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text, { flag: 'wx' });
  }
  return { dir, files: [...files.keys()].sort() };
}

function templateFiles(root: string, sub = ''): string[] {
  return readdirSync(path.join(root, sub), { withFileTypes: true }).flatMap((e) => {
    const rel = sub ? `${sub}/${e.name}` : e.name;
    return e.isDirectory() ? templateFiles(root, rel) : [rel];
  });
}

/** Make app names are lower-case letters, digits and dashes. */
function appName(raw: string): string {
  const cleaned = raw
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cleaned || 'my-app';
}

function label(name: string): string {
  return name
    .split('-')
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}
