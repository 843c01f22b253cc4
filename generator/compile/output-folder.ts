/**
 * Writing generated files into an output folder that may also hold the user's own files. A
 * manifest (`.make-app-build.json`) lists what the build wrote; only those files are ever replaced
 * or removed. A foreign file at a path the build wants is left alone and reported. Before any of
 * that, `checkOutputFolder` refuses folders no generator should write into: a filesystem root, a
 * system folder, the sources being compiled or imported, a non-empty folder the tool did not make.
 */
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { InputError, UsageError } from '../model/errors.ts';
import { compareNames } from './evaluate.ts';

export const MANIFEST_FILE = '.make-app-build.json';
/** Written by `make-app import`: marks a folder `import --force` may write into again. */
export const IMPORT_MARKER = '.make-app-import.json';

interface Manifest {
  generatedBy: 'make-app build';
  files: string[];
}

export interface FolderPlan {
  /** Files whose content is new or different. */
  write: string[];
  /** Files the previous build wrote that this one does not. */
  remove: string[];
  /** Files at generated paths that the build did not write before and whose content differs. */
  foreign: string[];
}

function readManifest(out: string): string[] {
  const file = path.join(out, MANIFEST_FILE);
  if (!existsSync(file)) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(
      `the build manifest is not valid JSON (${(e as Error).message}); delete it to rebuild`,
      {
        file,
      },
    );
  }
  const files = (parsed as Partial<Manifest> | null)?.files;
  if (!Array.isArray(files) || !files.every((f) => typeof f === 'string')) {
    throw new InputError('the build manifest has no "files" list; delete it to rebuild', { file });
  }
  // Never trust a manifest to point outside the folder.
  return files.filter((f) => isInside(out, f));
}

function isInside(root: string, rel: string): boolean {
  const abs = path.resolve(root, rel);
  return abs.startsWith(path.resolve(root) + path.sep) && !rel.includes('\0');
}

/** True when `rel` or a folder on the way to it is a symbolic link: writing there could leave `out`. */
export function throughSymlink(out: string, rel: string): boolean {
  let cur = path.resolve(out);
  for (const part of rel.split('/')) {
    cur = path.join(cur, part);
    try {
      if (lstatSync(cur).isSymbolicLink()) return true;
    } catch {
      return false; // does not exist yet: nothing further down exists either
    }
  }
  return false;
}

function readIfFile(abs: string): string | undefined {
  try {
    return statSync(abs).isFile() ? readFileSync(abs, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** The first folder on the way to `rel` that exists as something else (a user's file named `modules`...). */
function blockingFile(out: string, rel: string): string | undefined {
  const parts = rel.split('/');
  for (let i = 1; i < parts.length; i++) {
    const prefix = parts.slice(0, i).join('/');
    try {
      if (!statSync(path.join(out, prefix)).isDirectory()) return prefix;
    } catch {
      return undefined; // does not exist yet: nothing further down exists either
    }
  }
  return undefined;
}

/** Compares the wanted files with the folder. Pure reading. */
export function planFolder(out: string, files: ReadonlyMap<string, string>): FolderPlan {
  const previous = new Set(readManifest(out));
  const plan: FolderPlan = { write: [], remove: [], foreign: [] };
  for (const [rel, text] of files) {
    const abs = path.join(out, rel);
    if (throughSymlink(out, rel)) {
      plan.foreign.push(rel);
      continue;
    }
    const blocker = blockingFile(out, rel);
    if (blocker !== undefined) {
      if (!plan.foreign.includes(blocker)) plan.foreign.push(blocker);
      continue;
    }
    const current = readIfFile(abs);
    if (current === text) continue;
    if (current === undefined && existsSync(abs)) plan.foreign.push(rel);
    else if (current !== undefined && !previous.has(rel)) plan.foreign.push(rel);
    else plan.write.push(rel);
  }
  for (const rel of previous) {
    if (files.has(rel) || throughSymlink(out, rel)) continue;
    if (readIfFile(path.join(out, rel)) !== undefined) plan.remove.push(rel);
  }
  for (const list of [plan.write, plan.remove, plan.foreign]) list.sort(compareNames);
  return plan;
}

export function manifestText(files: Iterable<string>): string {
  const manifest: Manifest = { generatedBy: 'make-app build', files: [...files].sort(compareNames) };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Applies a plan: writes, removes what the last build wrote and this one does not, then the manifest. */
export function applyPlan(out: string, files: ReadonlyMap<string, string>, plan: FolderPlan): void {
  if (plan.foreign.length > 0) {
    throw new InputError(
      `refusing to overwrite ${plan.foreign.map((f) => `"${f}"`).join(', ')}: not written by make-app build (move it away or choose another --out)`,
      { file: path.join(out, plan.foreign[0]!) },
    );
  }
  mkdirSync(out, { recursive: true });
  for (const rel of plan.write) {
    const abs = path.join(out, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, files.get(rel)!);
  }
  for (const rel of plan.remove) {
    unlinkSync(path.join(out, rel));
    removeEmptyParents(out, path.dirname(rel));
  }
  const manifest = path.join(out, MANIFEST_FILE);
  const text = manifestText(files.keys());
  if (readIfFile(manifest) !== text) writeFileSync(manifest, text);
}

/** Folders emptied by removals go too (never the output folder itself, never a non-empty one). */
function removeEmptyParents(out: string, relDir: string): void {
  let dir = relDir;
  while (dir && dir !== '.' && dir !== path.sep) {
    const abs = path.join(out, dir);
    try {
      if (readdirSync(abs).length > 0) return;
      rmdirSync(abs);
    } catch {
      return;
    }
    dir = path.dirname(dir);
  }
}

/** The import marker's text: which files the import wrote. */
export function importMarkerText(files: Iterable<string>): string {
  return `${JSON.stringify({ generatedBy: 'make-app import', files: [...files].sort(compareNames) }, null, 2)}\n`;
}

/**
 * Folders of the operating system (and what lies below them). Nothing generated belongs there,
 * and `/proc` or `/dev` paths may not even behave like files.
 */
const SYSTEM_FOLDERS = [
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib32',
  '/lib64',
  '/libx32',
  '/proc',
  '/run',
  '/sbin',
  '/snap',
  '/sys',
  '/usr',
  '/var/cache',
  '/var/lib',
  '/var/log',
  '/var/run',
  '/var/spool',
  '/System',
  '/Library',
  '/Applications',
  '/private/etc',
  '/private/var/db',
];
const WINDOWS_SYSTEM = /^[a-z]:\\(windows|program files( \(x86\))?|programdata)(\\|$)/i;

/** Absolute path with symbolic links resolved as far as the path exists (`/proc/self` → `/proc/<pid>`). */
export function canonicalPath(p: string): string {
  const abs = path.resolve(p);
  const rest: string[] = [];
  for (let cur = abs; ; cur = path.dirname(cur)) {
    try {
      return path.join(realpathSync(cur), ...rest.reverse());
    } catch {
      if (path.dirname(cur) === cur) return abs;
      rest.push(path.basename(cur));
    }
  }
}

function within(folder: string, abs: string): boolean {
  return abs === folder || abs.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
}

/**
 * Why `abs` (canonical) is a place no output may go, or null: a filesystem root, or a system
 * folder or anything below one. Shared by folder outputs and single-file outputs.
 */
export function systemLocationProblem(abs: string): string | null {
  if (path.parse(abs).root === abs) return 'is the filesystem root';
  const system = SYSTEM_FOLDERS.find((f) => within(f, abs));
  if (system) return `is inside the system folder ${system}`;
  if (WINDOWS_SYSTEM.test(abs)) return 'is inside a Windows system folder';
  return null;
}

export interface OutputFolderCheck {
  /** How the folder was named on the command line (`--out`), for the message. */
  flag: string;
  /** Which generator writes: only a folder it made itself counts as its own. */
  tool: 'build' | 'import';
  /** `import --force`: replace the files of a folder an earlier import made. */
  force?: boolean;
  /** Folders (or files) being read: the output must be neither inside them nor them. */
  sources?: string[];
}

/**
 * Refuses, before anything is read or written, an output folder that is a filesystem root or a
 * system folder, lies inside the sources, or is non-empty without the mark of this tool. One
 * line, as a usage error: the user picked the wrong folder.
 */
export function checkOutputFolder(out: string, check: OutputFolderCheck): void {
  const abs = canonicalPath(out);
  const refuse = (why: string, hint = 'choose a new or empty folder for the generated files') => {
    throw new UsageError(`${check.flag} ${out} ${why}; ${hint}`);
  };
  const system = systemLocationProblem(abs);
  if (system) refuse(system);
  for (const source of check.sources ?? []) {
    const src = canonicalPath(source);
    const srcFolder = existsSync(src) && !statSync(src).isDirectory() ? path.dirname(src) : src;
    if (within(srcFolder, abs)) refuse(`is inside the sources being read (${source})`);
  }
  let entries: string[];
  try {
    if (!statSync(abs).isDirectory()) return; // the caller reports a file where a folder should be
    entries = readdirSync(abs);
  } catch {
    return; // does not exist yet: it will be created
  }
  if (entries.length === 0) return;
  const marker = check.tool === 'build' ? MANIFEST_FILE : IMPORT_MARKER;
  if (!entries.includes(marker)) refuse(`is not empty and was not written by make-app ${check.tool}`);
  if (check.tool === 'import' && !check.force)
    refuse('is not empty (an earlier import wrote it)', 'pass --force to replace its generated files');
}
