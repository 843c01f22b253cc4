/**
 * Which app a file belongs to: the nearest folder above it that the loader reads as an app
 * (a makecomapp.json, an older export's metadata.json, an app.bundle.json), or a bundle file
 * itself. Undefined for files outside any app (they get no diagnostics).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { COMPONENT_KINDS, componentFolder } from '../model/index.ts';

const MARKERS = ['makecomapp.json', 'metadata.json', 'app.bundle.json'];
/** Folders of the loose layout (component folders without a manifest). */
const LOOSE_FOLDERS = COMPONENT_KINDS.map(componentFolder);

/** The app target (folder or bundle file) for a file, searched upwards but not above `stopAt`. */
export function findAppTarget(
  file: string,
  text: string | undefined,
  stopAt: readonly string[],
): string | undefined {
  if (/\.json$/i.test(file) && text !== undefined && /"bundleVersion"\s*:/.test(text.slice(0, 4096)))
    return file;
  let dir = path.dirname(file);
  let loose: string | undefined;
  for (let depth = 0; depth < 8; depth++) {
    for (const m of MARKERS) if (isFile(path.join(dir, m))) return dir;
    // a manifest further up wins over a loose-layout guess
    if (!loose && LOOSE_FOLDERS.some((f) => isDir(path.join(dir, f)))) loose = dir;
    if (stopAt.includes(dir)) break;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return loose;
}

function isFile(p: string): boolean {
  try {
    return existsSync(p) && statSync(p).isFile();
  } catch {
    return false;
  }
}

function isDir(p: string): boolean {
  try {
    return existsSync(p) && statSync(p).isDirectory();
  } catch {
    return false;
  }
}
