/**
 * Reading an app's files safely: never outside the app folder (symlinks included), never a
 * folder, pipe or device, never more than the size limit; every refusal is one finding. Then
 * parsing a code file into the model.
 */
import { closeSync, constants as fsConstants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { CodeFile, CodeType } from '../model/app.ts';
import { makeCodeFile, makeTextCodeFile, TEXT_CODE_TYPES } from './code-file.ts';
import { type LoadContext, relativeToRoot, report, type Where } from './context.ts';
import { type JsonDocument, parseJsonDocument } from './json-document.ts';
import { decodeUtf8 } from './utf8.ts';

/** True when the file, with symlinks resolved, lies inside the app folder. */
function folderInsideRoot(ctx: LoadContext, abs: string): boolean {
  const dir = path.dirname(abs);
  let inside = ctx.folderInside.get(dir);
  if (inside === undefined) {
    inside = realInside(ctx, dir);
    ctx.folderInside.set(dir, inside);
  }
  return inside;
}

function realInside(ctx: LoadContext, p: string): boolean {
  try {
    const rel = path.relative(ctx.realRoot, realpathSync.native(p));
    return !rel.startsWith('..') && !path.isAbsolute(rel);
  } catch {
    return true; // missing: the read that follows reports it
  }
}

function refuseLink(ctx: LoadContext, rel: string, where: Where, component?: string): undefined {
  report(
    ctx,
    'load/path-outside-app',
    'error',
    `"${rel}" is a link to a place outside the app folder; it was not read.`,
    where,
    component,
  );
  return undefined;
}

/** Reads a file as UTF-8 text, or reports why not (missing, a folder, too large, unreadable). */
export function readText(
  ctx: LoadContext,
  abs: string,
  ref: Where | undefined,
  component?: string,
  knownRel?: string,
): string | undefined {
  const rel = knownRel ?? relativeToRoot(ctx, abs);
  const where = ref ?? { file: rel };
  // Containment first, so nothing about a place outside the folder is revealed: the folder's real
  // path is checked once per folder, the file is opened without following a final symlink
  // (ELOOP), and only such a link gets resolved.
  if (!folderInsideRoot(ctx, abs)) return refuseLink(ctx, rel, where, component);
  if (!fsConstants.O_NOFOLLOW && !realInside(ctx, abs)) return refuseLink(ctx, rel, where, component); // no O_NOFOLLOW (Windows)
  const unsaved = ctx.overlay?.(abs);
  if (unsaved !== undefined) return unsaved;
  if (!ctx.disk) return readFromDisk(ctx, abs, rel, where, component);
  const known = ctx.disk.text(abs);
  if (known !== undefined) return known;
  const text = readFromDisk(ctx, abs, rel, where, component);
  if (text !== undefined) ctx.disk.remember(abs, text);
  return text;
}

/** readText's disk read, after the containment checks. */
function readFromDisk(
  ctx: LoadContext,
  abs: string,
  rel: string,
  where: Where,
  component: string | undefined,
): string | undefined {
  let fd: number;
  try {
    fd = openSync(abs, OPEN_FLAGS);
  } catch (first) {
    if ((first as NodeJS.ErrnoException).code !== 'ELOOP')
      return reportOpenError(ctx, first, rel, where, component);
    if (!realInside(ctx, abs)) return refuseLink(ctx, rel, where, component);
    try {
      fd = openSync(abs, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    } catch (e) {
      return reportOpenError(ctx, e, rel, where, component);
    }
  }
  try {
    if (ctx.maxFileBytes >= READ_AHEAD_BYTES) {
      // Most code files are small: one read into a reused buffer tells the size (a short read means
      // end of file), with no fstat. A folder fails the read with EISDIR. Anything that fills the
      // buffer goes the measured way below (size limit first).
      // An empty read is measured too (a named pipe reads as empty: it must be refused, not read).
      let n = -1;
      try {
        n = readSync(fd, readAhead, 0, READ_AHEAD_BYTES, 0);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EISDIR') {
          report(ctx, 'load/not-a-file', 'error', `"${rel}" is a folder, not a code file.`, where, component);
          return undefined;
        }
        if (code !== 'ESPIPE' && code !== 'EAGAIN') throw e; // a pipe: fstat below says so
      }
      if (n > 0 && n < READ_AHEAD_BYTES) return decodeUtf8(ctx, readAhead, n, rel, component);
    }
    const st = fstatSync(fd);
    if (st.isDirectory()) {
      report(ctx, 'load/not-a-file', 'error', `"${rel}" is a folder, not a code file.`, where, component);
      return undefined;
    }
    if (!st.isFile()) {
      report(
        ctx,
        'load/not-a-file',
        'error',
        `"${rel}" is not a regular file (a named pipe, socket or device); it was not read.`,
        where,
        component,
      );
      return undefined;
    }
    if (st.size > ctx.maxFileBytes) {
      report(
        ctx,
        'load/file-too-large',
        'error',
        `File "${rel}" is ${st.size} bytes, over the ${ctx.maxFileBytes}-byte limit; it was not read.`,
        where,
        component,
      );
      return undefined;
    }
    // Only the size fstat saw is read, even if the file grows meanwhile.
    const buf = Buffer.allocUnsafe(st.size);
    const n = st.size === 0 ? 0 : readSync(fd, buf, 0, buf.length, 0);
    return decodeUtf8(ctx, buf, n, rel, component);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? 'read error';
    report(
      ctx,
      'load/unreadable-file',
      'error',
      `File "${rel}" could not be read (${why}).`,
      where,
      component,
    );
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Parses JSON text, copying its diagnostics into the context (tagged with the component). */
export function parseInto(ctx: LoadContext, text: string, rel: string, component?: string): JsonDocument {
  const doc = ctx.documents
    ? ctx.documents.parse(text, rel, ctx.maxDepth)
    : parseJsonDocument(text, rel, { maxDepth: ctx.maxDepth });
  for (const d of doc.diagnostics) ctx.diagnostics.push(component ? { ...d, component } : d);
  return doc;
}

/** Reads and parses one code file of `codeType`; undefined when it cannot be read. */
export function loadCodeFile(
  ctx: LoadContext,
  codeType: CodeType,
  abs: string,
  ref: Where | undefined,
  component?: string,
): CodeFile | undefined {
  const rel = relativeToRoot(ctx, abs);
  ctx.referenced.add(rel);
  const text = readText(ctx, abs, ref, component, rel);
  if (text === undefined) return undefined;
  if (TEXT_CODE_TYPES.has(codeType))
    return makeTextCodeFile(codeType, rel, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  return makeCodeFile(codeType, rel, parseInto(ctx, text, rel, component));
}

/** Files smaller than this are read in one call into one reused buffer. */
const READ_AHEAD_BYTES = 256 * 1024;
const readAhead = Buffer.allocUnsafe(READ_AHEAD_BYTES);

/**
 * O_NOFOLLOW where the platform has it: opening a symlink then fails with ELOOP. O_NONBLOCK so a
 * named pipe opens at once (and is then refused) instead of waiting forever for a writer; it changes
 * nothing for regular files.
 */
const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0);

function reportOpenError(
  ctx: LoadContext,
  e: unknown,
  rel: string,
  where: Where,
  component?: string,
): undefined {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    report(ctx, 'load/file-not-found', 'error', `File "${rel}" does not exist.`, where, component);
  } else if (code === 'EISDIR') {
    report(ctx, 'load/not-a-file', 'error', `"${rel}" is a folder, not a code file.`, where, component);
  } else {
    report(
      ctx,
      'load/unreadable-file',
      'error',
      `File "${rel}" could not be read (${code ?? 'read error'}).`,
      where,
      component,
    );
  }
  return undefined;
}
