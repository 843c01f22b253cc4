/**
 * Guards for the files a command writes (reports, HAR recordings, diagrams, baselines): a report
 * must never replace one of the files the command reads — the app, a scenario, a recording — and
 * a folder given where a file is expected is a one-line input error, not a crash after the work.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalPath, systemLocationProblem } from '../compile/output-folder.ts';
import type { AppModel } from '../model/app.ts';
import { InputError, UsageError } from '../model/errors.ts';

/** Absolute path → what it is ("a file of the app being linted", "the --replay recording"...). */
export type Protected = Map<string, string>;

/** Names an app folder holds besides what the loader read (a bundle next to a local-dev layout...). */
const APP_FILE = /^(makecomapp|metadata|app\.bundle)\.json$|\.(iml\.json|imljson)$/;

/** A path relative to where the command runs when inside it, else absolute. */
function shown(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') ? rel : abs;
}

/** Every file an app was read from, plus the app-shaped files lying in its root folder. */
export function appFiles(app: AppModel, what: string, into: Protected = new Map()): Protected {
  const add = (rel: string | undefined) => rel && into.set(canonicalPath(path.resolve(app.root, rel)), what);
  for (const code of Object.values(app.general)) add(code?.file);
  for (const kind of Object.values(app.components))
    for (const c of Object.values(kind)) {
      add(c.declaredAt?.file);
      for (const code of Object.values(c.codes)) add(code?.file);
    }
  for (const d of app.diagnostics) add(d.file);
  try {
    const rootIsFolder = statSync(app.root).isDirectory();
    if (!rootIsFolder) add(app.root);
    else for (const name of readdirSync(app.root)) if (APP_FILE.test(name)) add(name);
  } catch {
    // the root vanished: nothing more to protect
  }
  return into;
}

/** Marks one input file (or every file of an input folder) as never to be written. */
export function inputFiles(target: string, what: string, into: Protected): Protected {
  const abs = canonicalPath(target);
  try {
    if (statSync(abs).isDirectory()) {
      for (const entry of readdirSync(abs, { recursive: true, encoding: 'utf8' }))
        into.set(path.join(abs, entry), what);
      return into;
    }
  } catch {
    // does not exist (yet): protect the path itself
  }
  into.set(abs, what);
  return into;
}

/**
 * Checks, before any work, that `file` may receive the output of `flag`. Output paths given to one
 * run must differ from each other too: pass them in `others` (flag → path).
 */
export function checkOutputPath(
  flag: string,
  file: string,
  keep: Protected,
  others: Record<string, string | undefined> = {},
): void {
  const abs = canonicalPath(file);
  // A report never goes into a filesystem root or a system folder (`--har /proc/self/x`).
  const system = systemLocationProblem(path.dirname(abs));
  if (system) throw new UsageError(`${flag} ${file}: its folder ${system}; choose another path`);
  const owner = keep.get(abs);
  if (owner)
    throw new UsageError(`${flag} ${file} is ${owner}; it would be overwritten — choose another path`);
  for (const [other, value] of Object.entries(others)) {
    if (other !== flag && value !== undefined && canonicalPath(value) === abs)
      throw new UsageError(`${flag} and ${other} name the same file (${file}); give each its own path`);
  }
  if (existsSync(abs) && statSync(abs).isDirectory())
    throw new InputError(`${flag} must name a file, but this is a folder`, { file });
  // the folders on the way are created when missing, but an existing file there cannot be one
  for (let dir = path.dirname(abs); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (!existsSync(dir)) continue;
    if (!statSync(dir).isDirectory())
      throw new InputError(`${shown(dir)} is a file, so it cannot hold ${flag} output`, {
        file,
      });
    break;
  }
}

/** A Node file-system error (EACCES, EISDIR, ENOSPC...): the user's path, not a bug. */
export function isFsError(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return (
    typeof code === 'string' &&
    /^E[A-Z]+$/.test(code) &&
    typeof (e as NodeJS.ErrnoException).syscall === 'string'
  );
}

/** Writes an output file (creating its folder); a file-system failure is an input error naming it. */
export function writeOutput(file: string, text: string): void {
  try {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    writeFileSync(file, text);
  } catch (e) {
    if (!isFsError(e)) throw e;
    throw new InputError(`cannot write: ${(e as NodeJS.ErrnoException).code}`, { file });
  }
}
