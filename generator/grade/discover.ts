import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../model/errors.ts';

/** One submission to grade: an app folder, a bundle JSON file, or a .zip of either. */
export interface Submission {
  /** Absolute path. */
  file: string;
  /** As shown in reports: relative to the working folder when inside it. */
  label: string;
}

/** Files that say "this folder is an app" to the loader. */
const APP_MARKERS = ['makecomapp.json', 'metadata.json'];

export function looksLikeApp(dir: string): boolean {
  return APP_MARKERS.some((m) => existsSync(path.join(dir, m)));
}

/**
 * Each path is a submission or a folder of them. Folder entries are sorted by name so the class
 * (and the report) is the same whatever order the file system lists them in.
 */
export function discoverSubmissions(paths: string[], cwd = process.cwd()): Submission[] {
  const out: Submission[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const rel = path.relative(cwd, file);
    out.push({ file, label: rel && !rel.startsWith('..') ? rel : file });
  };
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    if (!existsSync(abs)) throw new InputError(`"${p}" does not exist.`, { file: p });
    const st = statSync(abs);
    if (st.isFile() || looksLikeApp(abs)) {
      add(abs);
      continue;
    }
    for (const name of readdirSync(abs).sort()) {
      if (name.startsWith('.')) continue;
      const child = path.join(abs, name);
      const cst = statSync(child, { throwIfNoEntry: false });
      if (!cst) continue;
      if (cst.isDirectory() || /\.(zip|json)$/i.test(name)) add(child);
    }
  }
  return out;
}
