import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { looksLikeApp } from './discover.ts';

/** A student's archive is untrusted: bounded in entries and bytes, and nothing lands outside its folder. */
const ZIP_LIMITS = { entries: 2000, bytes: 50 * 1024 * 1024 };

class ZipError extends Error {
  override name = 'ZipError';
}

/** Extracts `zipFile` into a new temporary folder and returns the app inside it (folder or bundle file). */
export async function extractSubmission(zipFile: string): Promise<{ dir: string; app: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'make-app-grade-'));
  await extractInto(zipFile, dir);
  return { dir, app: appInside(dir) };
}

async function extractInto(zipFile: string, dir: string): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(zipFile, { lazyEntries: true, strictFileNames: false, validateEntrySizes: true }, (e, z) =>
      e ? reject(new ZipError(`not a readable .zip: ${e.message}`)) : resolve(z),
    ),
  );
  let entries = 0;
  let bytes = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (e: Error) => reject(new ZipError(`broken .zip: ${e.message}`)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        entries++;
        bytes += entry.uncompressedSize;
        if (entries > ZIP_LIMITS.entries)
          return reject(new ZipError(`more than ${ZIP_LIMITS.entries} files`));
        if (bytes > ZIP_LIMITS.bytes)
          return reject(new ZipError(`more than ${ZIP_LIMITS.bytes / 1024 / 1024} MB uncompressed`));
        const name = entry.fileName.replace(/\\/g, '/');
        const target = path.resolve(dir, name);
        if (!target.startsWith(dir + path.sep) || name.split('/').includes('..'))
          return reject(new ZipError(`the entry "${name}" points outside the archive`));
        if (name.endsWith('/')) {
          mkdirSync(target, { recursive: true });
          zip.readEntry();
          return;
        }
        mkdirSync(path.dirname(target), { recursive: true });
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(new ZipError(`cannot read "${name}": ${e.message}`));
          pipeline(stream, createWriteStream(target, { flags: 'wx' })).then(
            () => zip.readEntry(),
            (err: Error) => reject(new ZipError(`cannot extract "${name}": ${err.message}`)),
          );
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

/** The app in an extracted archive: its root, or the one folder (or bundle JSON) it wraps. */
function appInside(dir: string): string {
  let here = dir;
  for (let depth = 0; depth < 4; depth++) {
    if (looksLikeApp(here)) return here;
    const names = readdirSync(here).filter((n) => !n.startsWith('.') && n !== '__MACOSX');
    const folders = names.filter((n) => statSync(path.join(here, n)).isDirectory());
    const jsons = names.filter((n) => n.toLowerCase().endsWith('.json'));
    if (folders.length === 0 && jsons.length === 1) return path.join(here, jsons[0]);
    if (folders.length !== 1 || names.length !== 1) break;
    here = path.join(here, folders[0]);
  }
  return here;
}
