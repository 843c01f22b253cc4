/** The state one load of an app shares across the layout readers, and where its findings go. */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { type Diagnostic, diagnosticAt, type Severity } from '../model/diagnostic.ts';
import type { SourceLocation } from '../model/location.ts';
import type { DiskSnapshot } from './disk-snapshot.ts';
import type { DocumentCache } from './document-cache.ts';
import { DEFAULT_MAX_DEPTH } from './json-document.ts';

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
