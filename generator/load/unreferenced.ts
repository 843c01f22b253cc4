import { type Dirent, readdirSync } from 'node:fs';
import path from 'node:path';
import type { AppListing, Folder } from './app-listing.ts';
import { type LoadContext, report } from './context.ts';

const CODE_LIKE = /\.(json|jsonc|imljson)$/i;
/** Project files that are never app code. */
const NOT_CODE = new Set([
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'jsconfig.json',
  'biome.json',
  '.eslintrc.json',
  'app.bundle.json',
]);
const MAX_FILES = 20000;
/** The order `localeCompare` gives, from one reused collator (far cheaper per comparison). */
const byName = new Intl.Collator().compare;
const MAX_DEPTH = 8;

const skipped = (e: Dirent) => e.name.charCodeAt(0) === 46 /* . */ || e.name === 'node_modules';
const codeLike = (e: Dirent) => e.isFile() && CODE_LIKE.test(e.name) && !NOT_CODE.has(e.name);

function listOrUndefined(dir: string): Dirent[] | undefined {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
}

/**
 * Lists the app folder once, before loading, for `reportUnreferenced`. Every folder reached from
 * the root through real folders (a symlinked one is never descended into) is recorded as inside the
 * app, so reading its files needs no realpath call of its own. Nothing is sorted here: only the few
 * unreferenced files are put in name order when reported.
 */
export function scanAppFolder(ctx: LoadContext): AppListing {
  const known = ctx.disk?.listing(ctx.root);
  if (known && 'tree' in known) {
    markInside(ctx, known.tree);
    return known;
  }
  const listing = scan(ctx);
  ctx.disk?.rememberListing(ctx.root, listing);
  return listing;
}

/** What a scan records of the folders it met: each is inside the app (no realpath call later). */
function markInside(ctx: LoadContext, folder: Folder): void {
  if (folder.rel) ctx.folderInside.set(ctx.rootPrefix + folder.rel, true);
  for (const sub of folder.subs) if (sub) markInside(ctx, sub);
}

function scan(ctx: LoadContext): AppListing {
  const prefix = ctx.rootPrefix;
  let count = 0;
  const walk = (dir: string, relDir: string, depth: number): Folder | undefined => {
    const entries = listOrUndefined(dir);
    if (!entries) return undefined;
    if (relDir) ctx.folderInside.set(prefix + relDir, true);
    const folder: Folder = { rel: relDir, names: [], subs: [] };
    for (const e of entries) {
      if (skipped(e)) continue;
      if (e.isDirectory()) {
        if (depth + 1 > MAX_DEPTH) continue;
        const sub = walk(`${dir}${path.sep}${e.name}`, relDir ? `${relDir}/${e.name}` : e.name, depth + 1);
        if (count > MAX_FILES) return undefined;
        if (sub) {
          folder.names.push(e.name);
          folder.subs.push(sub);
        }
      } else if (codeLike(e)) {
        count++;
        folder.names.push(e.name);
        folder.subs.push(undefined);
      }
    }
    return folder;
  };
  const tree = walk(ctx.root, '', 0);
  // Past the cap, which folders get visited depends on the order: walk again in name order.
  if (count > MAX_FILES) return { list: sortedWalk(ctx) };
  return { tree: tree ?? { rel: '', names: [], subs: [] } };
}

/** The capped walk in name order (only for apps with more than MAX_FILES JSON files). */
function sortedWalk(ctx: LoadContext): string[] {
  const found: string[] = [];
  const walk = (dir: string, relDir: string, depth: number) => {
    if (depth > MAX_DEPTH || found.length > MAX_FILES) return;
    const entries = listOrUndefined(dir);
    if (!entries) return;
    entries.sort((a, b) => byName(a.name, b.name));
    for (const e of entries) {
      if (skipped(e)) continue;
      const rel = relDir ? `${relDir}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(dir, e.name), rel, depth + 1);
      else if (codeLike(e)) found.push(rel);
    }
  };
  walk(ctx.root, '', 0);
  return found;
}

/**
 * The unreferenced files under `folder` in name order (folders and files sorted together, as a
 * sorted walk would meet them). Only entries that hold such a file are sorted; the sort is stable,
 * so the result equals sorting the whole listing and dropping the rest.
 */
function unreferencedIn(ctx: LoadContext, folder: Folder): string[] {
  const picked: { name: string; rels: string[] }[] = [];
  const { names, subs, rel: relDir } = folder;
  for (let i = 0; i < names.length; i++) {
    const sub = subs[i];
    if (sub) {
      const rels = unreferencedIn(ctx, sub);
      if (rels.length > 0) picked.push({ name: names[i], rels });
    } else {
      const rel = relDir ? `${relDir}/${names[i]}` : names[i];
      if (!ctx.referenced.has(rel)) picked.push({ name: names[i], rels: [rel] });
    }
  }
  if (picked.length === 0) return [];
  if (picked.length > 1) picked.sort((a, b) => byName(a.name, b.name));
  return picked.length === 1 ? picked[0].rels : picked.flatMap((p) => p.rels);
}

/** Reports the JSON files `scanAppFolder` found that no declaration pointed at (info). */
export function reportUnreferenced(ctx: LoadContext, listing: AppListing): void {
  const rels =
    'list' in listing
      ? listing.list.filter((rel) => !ctx.referenced.has(rel))
      : unreferencedIn(ctx, listing.tree);
  for (const rel of rels) {
    report(
      ctx,
      'load/unreferenced-file',
      'info',
      `"${rel}" is not referenced by the app definition, so Make never reads it.`,
      { file: rel },
    );
  }
}
