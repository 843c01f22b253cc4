/**
 * The server's model of the workspace: which app each file belongs to, and each app's last lint
 * (loaded with open editor buffers winning over the disk). Apps load on first use and reload when
 * one of their files changes.
 */
import path from 'node:path';
import { DiskSnapshot, DocumentCache } from '../load/index.ts';
import type { AppModel, CodeFile, Component } from '../model/index.ts';
import { type Analysis, analyzeApp } from '../validate/index.ts';
import { lintWithOverlay, type OverlayLintResult } from '../workflow/lint-overlay.ts';
import { findAppTarget } from './app-root.ts';

export interface AppState {
  /** What the loader is given: an app folder or a bundle file. */
  target: string;
  result?: OverlayLintResult;
  /** Why the target could not be loaded as an app. */
  failure?: string;
  /** Files that got diagnostics last time (absolute), so they can be cleared. */
  published: Set<string>;
  analysis?: Analysis;
  codes?: Map<string, CodeAt[]>;
  /** The app's parsed files, reused by the next lint for every file whose text did not change. */
  documents: DocumentCache;
  /** The app's disk texts, kept only while the client reports every change on disk. */
  disk?: DiskSnapshot;
}

/** One code document (or bundle section) of a file, with its component. */
export interface CodeAt {
  code: CodeFile;
  component?: Component;
}

export class Workspace {
  folders: string[] = [];
  /** True once the client watches the files for us (then disk texts are kept between lints). */
  watched = false;
  readonly apps = new Map<string, AppState>();
  private readonly targets = new Map<string, string | undefined>();

  /** `unsaved(abs)`: the open editor buffer of a file, if any. */
  constructor(private readonly unsaved: (abs: string) => string | undefined) {}

  /** The app target of a file (cached; `forget` after files appear or disappear). */
  targetFor(abs: string): string | undefined {
    if (this.targets.has(abs)) return this.targets.get(abs);
    const target = findAppTarget(abs, this.unsaved(abs), this.folders);
    this.targets.set(abs, target);
    return target;
  }

  forgetTargets(): void {
    this.targets.clear();
  }

  /** The client reports a change on disk at `abs` (a file or a folder): no app keeps its old text. */
  diskChanged(abs: string): void {
    for (const state of this.apps.values()) state.disk?.forget(abs);
  }

  /** The app of a file, linted on first use. */
  appOf(abs: string): AppState | undefined {
    const target = this.targetFor(abs);
    if (!target) return undefined;
    return this.apps.get(target) ?? this.lint(target);
  }

  /** Loads and lints an app again with the current buffers. */
  lint(target: string): AppState {
    const state: AppState = this.apps.get(target) ?? {
      target,
      published: new Set(),
      documents: new DocumentCache(),
    };
    if (this.watched) state.disk ??= new DiskSnapshot();
    state.analysis = undefined;
    state.codes = undefined;
    try {
      state.result = lintWithOverlay({
        target,
        readText: this.unsaved,
        configFolders: this.folders,
        documents: state.documents,
        disk: state.disk,
      });
      state.failure = undefined;
    } catch (e) {
      // no app there (yet): keep the state so the file is retried on its next change
      state.result = undefined;
      state.failure = e instanceof Error ? e.message : String(e);
    }
    this.apps.set(target, state);
    return state;
  }

  /** The shared IML analysis of an app (computed when hover, completion or definition first ask). */
  analysis(state: AppState): Analysis | undefined {
    if (!state.result) return undefined;
    state.analysis ??= analyzeApp(state.result.app);
    return state.analysis;
  }

  /** The code document a pointer of a file falls in (the longest matching bundle section). */
  codeAt(state: AppState, abs: string, pointer: string): (CodeAt & { inner: string }) | undefined {
    const app = state.result?.app;
    if (!app) return undefined;
    state.codes ??= indexCodes(app);
    let best: CodeAt | undefined;
    for (const c of state.codes.get(abs) ?? []) {
      const base = c.code.basePointer;
      if (
        (pointer === base || pointer.startsWith(`${base}/`) || base === '') &&
        (!best || base.length > best.code.basePointer.length)
      )
        best = c;
    }
    return best && { ...best, inner: pointer.slice(best.code.basePointer.length) };
  }
}

function indexCodes(app: AppModel): Map<string, CodeAt[]> {
  const out = new Map<string, CodeAt[]>();
  const add = (code: CodeFile | undefined, component?: Component) => {
    if (!code) return;
    const abs = path.resolve(app.root, code.file);
    const list = out.get(abs) ?? [];
    list.push({ code, component });
    out.set(abs, list);
  };
  for (const code of Object.values(app.general)) add(code);
  for (const kind of Object.values(app.components))
    for (const c of Object.values(kind)) for (const code of Object.values(c.codes)) add(code, c);
  return out;
}
