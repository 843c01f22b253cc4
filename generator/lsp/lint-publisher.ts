/**
 * Lints apps after edits and publishes their diagnostics. Edits arrive in bursts: each touched app
 * is relinted once, after the burst.
 */
import { pathToFileURL } from 'node:url';
import type { Connection, Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { diagnosticsByFile } from './diagnostics.ts';
import type { Guard } from './guard.ts';
import type { AppState, Workspace } from './workspace.ts';

export class LintPublisher {
  /** Diagnostics last published per absolute path. */
  readonly published = new Map<string, LspDiagnostic[]>();
  /** Apps (lint targets) to relint after the burst. */
  private readonly pending = new Set<string>();
  /** Documents edited since the last lint. */
  private readonly touched = new Set<string>();
  private scheduled = false;
  /** Files whose last report was empty (an empty report is not sent again). */
  private readonly clean = new Set<string>();

  /** `openUris`: absolute path → URI of open documents (the client's spelling is kept when publishing). */
  constructor(
    private readonly connection: Connection,
    private readonly ws: Workspace,
    private readonly openUris: Map<string, string>,
    private readonly guard: Guard,
  ) {}

  /** The file changed: its app is linted once the current burst of events is handled. */
  schedule(abs: string): void {
    this.touched.add(abs);
    const target = this.guard('finding the app', undefined, () => this.ws.targetFor(abs));
    if (!target) return;
    this.pending.add(target);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Lints what is pending now, so that a request is answered about the text the client sees. */
  catchUp(): void {
    if (this.pending.size) this.flush();
  }

  private flush(): void {
    this.scheduled = false;
    const targets = [...this.pending];
    this.pending.clear();
    for (const t of targets) this.guard('linting', undefined, () => this.publish(this.ws.lint(t)));
    this.touched.clear();
  }

  private publish(state: AppState): void {
    const byFile = state.result ? diagnosticsByFile(state.result) : new Map<string, LspDiagnostic[]>();
    // files with findings now, files that had some (to clear), and open documents of this app
    const files = new Set([...byFile.keys(), ...state.published]);
    for (const abs of this.openUris.keys()) if (this.ws.targetFor(abs) === state.target) files.add(abs);
    for (const abs of files) {
      const diagnostics = byFile.get(abs) ?? [];
      if (diagnostics.length) this.published.set(abs, diagnostics);
      else this.published.delete(abs);
      this.send(abs, diagnostics);
    }
    state.published = new Set(byFile.keys());
  }

  private send(abs: string, diagnostics: LspDiagnostic[]): void {
    if (diagnostics.length === 0) {
      if (this.clean.has(abs) && !this.touched.has(abs)) return; // the edited document always hears back
      this.clean.add(abs);
    } else this.clean.delete(abs);
    const uri = this.openUris.get(abs) ?? pathToFileURL(abs).href;
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }
}
