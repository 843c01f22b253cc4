import { isUtf8 } from 'node:buffer';
import { closeSync, constants as fsConstants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { CodeFile, CodeType } from '../model/app.ts';
import { type Diagnostic, diagnosticAt, type Severity } from '../model/diagnostic.ts';
import type { SourceLocation } from '../model/location.ts';
import { makeCodeFile, makeTextCodeFile, TEXT_CODE_TYPES } from './code-file.ts';
import type { DiskSnapshot } from './disk-snapshot.ts';
import type { DocumentCache } from './document-cache.ts';
import { DEFAULT_MAX_DEPTH, type JsonDocument, parseJsonDocument } from './json-document.ts';

export interface LoadOptions {
  /** Files larger than this are reported and not read (default 10 MiB). */
  maxFileBytes?: number;
  /** JSON nested deeper than this is reported and not parsed (default 256). */
  maxDepth?: number;
  /**
   * Text of a file that takes the place of what is on disk (an editor's unsaved buffer), or
   * undefined to read the disk. Asked with the absolute path, after the containment checks.
   */
  readText?: (abs: string) => string | undefined;
  /** Parsed documents reused across loads of the same app (files whose text did not change). */
  documents?: DocumentCache;
  /** Texts and listing read by the previous load, for a caller told of every change on disk. */
  disk?: DiskSnapshot;
}

const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** State shared by the layout readers while one app loads. */
export interface LoadContext {
  /** Absolute app root. */
  root: string;
  /** Root with symlinks resolved (containment is checked against it). */
  realRoot: string;
  /** Root followed by one path separator (what every path inside the app starts with). */
  rootPrefix: string;
  maxFileBytes: number;
  maxDepth: number;
  diagnostics: Diagnostic[];
  /** Relative paths of every file some declaration pointed at (for the unreferenced-file notice). */
  referenced: Set<string>;
  /** Folder → whether its real path is inside the app (one realpath per folder, not per file). */
  folderInside: Map<string, boolean>;
  /** Unsaved texts that win over the disk (LoadOptions.readText). */
  overlay?: (abs: string) => string | undefined;
  documents?: DocumentCache;
  disk?: DiskSnapshot;
}

export function createContext(root: string, opts: LoadOptions = {}): LoadContext {
  let realRoot = root;
  try {
    realRoot = realpathSync(root);
  } catch {
    // The caller already checked the root exists; keep the given path.
  }
  return {
    root,
    realRoot,
    rootPrefix: root.endsWith(path.sep) ? root : root + path.sep,
    maxFileBytes: opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    maxDepth: opts.maxDepth ?? DEFAULT_MAX_DEPTH,
    diagnostics: [],
    referenced: new Set(),
    folderInside: new Map(),
    overlay: opts.readText,
    documents: opts.documents,
    disk: opts.disk,
  };
}

/** Where a finding goes: a location, a file (line 1), or a location computed only if needed. */
export type Where = SourceLocation | { file: string } | (() => SourceLocation);

export function report(
  ctx: LoadContext,
  ruleId: string,
  severity: Severity,
  message: string,
  whereGiven: Where,
  component?: string,
): void {
  const where = typeof whereGiven === 'function' ? whereGiven() : whereGiven;
  const loc: SourceLocation =
    'line' in where ? (where as SourceLocation) : { file: where.file, line: 1, column: 1, pointer: '' };
  ctx.diagnostics.push(diagnosticAt(ruleId, severity, message, loc, component));
}

/** Forward-slash path relative to the app root. */
export function relativeToRoot(ctx: LoadContext, abs: string): string {
  // Fast path for the common case (a path built under the root); path.relative otherwise.
  const prefix = ctx.rootPrefix;
  const rel =
    abs.startsWith(prefix) && !abs.includes(`${path.sep}..`)
      ? abs.slice(prefix.length)
      : path.relative(ctx.root, abs);
  return path.sep === '/' ? rel : rel.split(path.sep).join('/');
}

/** A `.`, `..` or empty segment (or an empty path): such paths go through path.resolve. */
const NOT_PLAIN = /^$|(^|\/)\.{1,2}(\/|$)|\/\/|\/$/;

/**
 * Resolves a path written in a manifest. Absolute paths, `..` escapes and symlinks pointing out of
 * the app folder are refused with `load/path-outside-app` (reported at `ref`).
 */
export function resolveInside(
  ctx: LoadContext,
  written: string,
  ref: Where,
  component?: string,
): string | undefined {
  const normalized = written.replace(/\\/g, '/');
  if (path.isAbsolute(written) || /^[a-zA-Z]:\//.test(normalized) || normalized.startsWith('/')) {
    report(
      ctx,
      'load/path-outside-app',
      'error',
      `Path "${written}" is absolute; code file paths must be relative to the app folder.`,
      ref,
      component,
    );
    return undefined;
  }
  const prefix = ctx.rootPrefix;
  // A plain relative path (no `.`/`..`/empty segment) appends as is; anything else is resolved.
  const abs =
    path.sep === '/' && !NOT_PLAIN.test(normalized)
      ? prefix + normalized
      : path.resolve(ctx.root, normalized);
  if (!abs.startsWith(prefix)) {
    report(
      ctx,
      'load/path-outside-app',
      'error',
      `Path "${written}" leaves the app folder; it was not read.`,
      ref,
      component,
    );
    return undefined;
  }
  // Symlinks leaving the folder are refused when the file is read (readText), like every read.
  return abs;
}

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

/**
 * UTF-8 text of the first `n` bytes. UTF-16 (an editor's "Unicode" save) is refused with one clear
 * finding: decoded as UTF-8 it would be one syntax error per character. Invalid UTF-8 (a file
 * saved in Latin-1 or Windows-1252, a truncated copy) is one finding at the first bad byte, and
 * the text is still loaded with U+FFFD in place of each bad sequence.
 */
function decodeUtf8(
  ctx: LoadContext,
  buf: Buffer,
  n: number,
  rel: string,
  component?: string,
): string | undefined {
  if (!looksUtf16(buf, n)) {
    const bytes = buf.subarray(0, n);
    if (!isUtf8(bytes)) reportInvalidUtf8(ctx, bytes, rel, component);
    return bytes.toString('utf8');
  }
  report(
    ctx,
    'load/encoding',
    'error',
    `"${rel}" is saved as UTF-16; Make reads UTF-8: save it as UTF-8 and load it again.`,
    { file: rel }, // the problem is in the file itself, not in the reference to it
    component,
  );
  return undefined;
}

function reportInvalidUtf8(ctx: LoadContext, bytes: Buffer, rel: string, component?: string): void {
  const bad = invalidUtf8(bytes);
  if (bad.count === 0) return;
  // Line and column as everywhere else: UTF-16 code units of the decoded text, BOM not counted.
  let before = bytes.toString('utf8', 0, bad.first);
  if (before.charCodeAt(0) === 0xfeff) before = before.slice(1);
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  const line = (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
  const column = before.length - lineStart + 1;
  const shown = [...bytes.subarray(bad.first, bad.first + bad.firstLength)]
    .map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`)
    .join(' ');
  const more =
    bad.count > 1 ? ` (and ${bad.count - 1} more invalid sequence${bad.count > 2 ? 's' : ''})` : '';
  report(
    ctx,
    'load/encoding',
    'error',
    `"${rel}" is not valid UTF-8: byte${bad.firstLength > 1 ? 's' : ''} ${shown} at ${line}:${column}${more}; Make reads UTF-8, so the text there would be replaced by U+FFFD: save the file as UTF-8.`,
    { file: rel, line, column, pointer: '' },
    component,
  );
}

/**
 * Invalid UTF-8 sequences (RFC 3629: no overlongs, surrogates or code points past U+10FFFF), each
 * counted once as its maximal invalid subpart, the way a decoder substitutes U+FFFD.
 */
export function invalidUtf8(bytes: Uint8Array): { count: number; first: number; firstLength: number } {
  let count = 0;
  let first = -1;
  let firstLength = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    }
    let ok = need > 0;
    let j = i + 1;
    for (let k = 0; ok && k < need; k++, j++) {
      const c = bytes[j];
      if (c === undefined || c < (k === 0 ? lo : 0x80) || c > (k === 0 ? hi : 0xbf)) ok = false;
    }
    if (ok) {
      i = j;
      continue;
    }
    // the bad sequence runs up to (not including) the byte that broke it
    const end = need === 0 ? i + 1 : Math.max(i + 1, j - 1);
    count++;
    if (first < 0) {
      first = i;
      firstLength = end - i;
    }
    i = end;
  }
  return { count, first, firstLength };
}

function looksUtf16(buf: Buffer, n: number): boolean {
  if (n >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) return true;
  // Without a byte-order mark, ASCII-range JSON in UTF-16 has a NUL in every other byte.
  const m = Math.min(n, 64) & ~1;
  if (m < 4) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < m; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  return evenNul === m / 2 || oddNul === m / 2;
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
