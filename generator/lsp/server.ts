/**
 * The language server: wires LSP requests to the workspace model and the feature modules. Every
 * handler is guarded: a broken document or an internal error answers "nothing", never a crash.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type Connection,
  DidChangeWatchedFilesNotification,
  type Diagnostic as LspDiagnostic,
  TextDocumentSyncKind,
  TextDocuments,
  WatchKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActionsFor } from './code-actions.ts';
import { completionAt } from './completion.ts';
import { definitionAt } from './definition.ts';
import { diagnosticsByFile } from './diagnostics.ts';
import { hoverAt } from './hover.ts';
import { type AppState, Workspace } from './workspace.ts';

/** file: URI → absolute path, or undefined for other schemes (untitled buffers, virtual files). */
function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  /** Absolute path → URI of open documents (the client's spelling is kept when publishing). */
  const openUris = new Map<string, string>();
  const unsaved = (abs: string) => {
    const uri = openUris.get(abs);
    return uri === undefined ? undefined : documents.get(uri)?.getText();
  };
  const ws = new Workspace(unsaved);
  /** Diagnostics last published per absolute path. */
  const published = new Map<string, LspDiagnostic[]>();
  let watchFiles = false;

  const guard = <T>(what: string, fallback: T, f: () => T): T => {
    try {
      return f();
    } catch (e) {
      connection.console.error(
        `make-app: ${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      );
      return fallback;
    }
  };

  // Edits arrive in bursts: relint each touched app once, after the burst.
  const pending = new Set<string>();
  /** Documents edited since the last lint. */
  const touched = new Set<string>();
  let scheduled = false;
  const schedule = (abs: string) => {
    touched.add(abs);
    const target = guard('finding the app', undefined, () => ws.targetFor(abs));
    if (!target) return;
    pending.add(target);
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  };
  const flush = () => {
    scheduled = false;
    const targets = [...pending];
    pending.clear();
    for (const t of targets) guard('linting', undefined, () => publish(ws.lint(t)));
    touched.clear();
  };

  /** Files whose last report was empty (an empty report is not sent again). */
  const clean = new Set<string>();
  const send = (abs: string, diagnostics: LspDiagnostic[]) => {
    if (diagnostics.length === 0) {
      if (clean.has(abs) && !touched.has(abs)) return; // the edited document always hears back
      clean.add(abs);
    } else clean.delete(abs);
    void connection.sendDiagnostics({ uri: uriOf(abs), diagnostics });
  };
  const publish = (state: AppState) => {
    const byFile = state.result ? diagnosticsByFile(state.result) : new Map<string, LspDiagnostic[]>();
    // files with findings now, files that had some (to clear), and open documents of this app
    const files = new Set([...byFile.keys(), ...state.published]);
    for (const abs of openUris.keys()) if (ws.targetFor(abs) === state.target) files.add(abs);
    for (const abs of files) {
      const diagnostics = byFile.get(abs) ?? [];
      if (diagnostics.length) published.set(abs, diagnostics);
      else published.delete(abs);
      send(abs, diagnostics);
    }
    state.published = new Set(byFile.keys());
  };
  const uriOf = (abs: string) => openUris.get(abs) ?? pathToFileURL(abs).href;

  connection.onInitialize((params) => {
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    ws.folders = folders.map(pathOf).filter((p): p is string => p !== undefined);
    watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['.', '{', '/', '"'] },
        definitionProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
      },
      serverInfo: { name: 'make-app' },
    };
  });
  connection.onInitialized(() => {
    if (watchFiles)
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          // code files, and any file or folder created or deleted (a deleted folder is one event)
          watchers: [
            { globPattern: '**/*.{json,jsonc,imljson,js,md}' },
            { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
          ],
        })
        .then(
          () => {
            ws.watched = true; // from now on the disk need not be read again for unchanged files
          },
          () => undefined, // no watching: every lint reads the disk
        );
  });

  documents.onDidChangeContent(({ document }) => {
    const abs = pathOf(document.uri);
    if (!abs) return;
    openUris.set(abs, document.uri);
    schedule(abs);
  });
  documents.onDidClose(({ document }) => {
    const abs = pathOf(document.uri);
    if (!abs) return;
    openUris.delete(abs);
    schedule(abs); // the disk text counts again
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    ws.forgetTargets();
    for (const c of changes) {
      const abs = pathOf(c.uri);
      if (abs) ws.diskChanged(abs);
      if (abs && !openUris.has(abs)) schedule(abs);
    }
  });

  /** The document, its path and its app, for a request about a position. */
  const at = (uri: string) => {
    const doc = documents.get(uri);
    const abs = pathOf(uri);
    if (!doc || !abs) return undefined;
    if (pending.size) flush(); // answer about the text the client sees now
    return { doc, abs, state: ws.appOf(abs) };
  };

  connection.onHover(({ textDocument, position }) =>
    guard('hover', null, () => {
      const c = at(textDocument.uri);
      if (!c) return null;
      const text = c.doc.getText();
      const findings = published.get(c.abs) ?? [];
      return hoverAt(ws, c.state, c.abs, text, c.doc.offsetAt(position), position, findings);
    }),
  );
  connection.onCompletion(({ textDocument, position }) =>
    guard('completion', Promise.resolve(null), () => {
      const c = at(textDocument.uri);
      return c ? completionAt(ws, c.state, c.abs, c.doc, position).catch(() => null) : Promise.resolve(null);
    }),
  );
  connection.onDefinition(({ textDocument, position }) =>
    guard('definition', null, () => {
      const c = at(textDocument.uri);
      return c ? definitionAt(ws, c.state, c.abs, c.doc.getText(), c.doc.offsetAt(position)) : null;
    }),
  );
  connection.onCodeAction(({ textDocument, context }) =>
    guard('code actions', [], () => {
      const c = at(textDocument.uri);
      return c ? codeActionsFor(ws, c.state, c.abs, c.doc, context.diagnostics) : [];
    }),
  );

  documents.listen(connection);
  connection.listen();
}
