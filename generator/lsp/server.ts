/**
 * The language server: wires LSP requests to the workspace model and the feature modules. Every
 * handler is guarded: a broken document or an internal error answers "nothing", never a crash.
 */
import { fileURLToPath } from 'node:url';
import {
  type Connection,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  WatchKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActionsFor } from './code-actions.ts';
import { completionAt } from './completion.ts';
import { definitionAt } from './definition.ts';
import { type Guard, guardFor } from './guard.ts';
import { hoverAt } from './hover.ts';
import { LintPublisher } from './lint-publisher.ts';
import { Workspace } from './workspace.ts';

/** file: URI → absolute path, or undefined for other schemes (untitled buffers, virtual files). */
function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** What the handlers share. */
interface Session {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** Absolute path → URI of open documents (the client's spelling is kept when publishing). */
  openUris: Map<string, string>;
  ws: Workspace;
  lints: LintPublisher;
  guard: Guard;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const openUris = new Map<string, string>();
  // the workspace reads an open document's unsaved text instead of the file on disk
  const ws = new Workspace((abs) => {
    const uri = openUris.get(abs);
    return uri === undefined ? undefined : documents.get(uri)?.getText();
  });
  const guard = guardFor(connection);
  const lints = new LintPublisher(connection, ws, openUris, guard);
  const session: Session = { connection, documents, openUris, ws, lints, guard };
  onLifecycle(session);
  onDocumentChanges(session);
  onLanguageRequests(session);
  documents.listen(connection);
  connection.listen();
}

/** initialize (folders, capabilities) and initialized (file watching, when the client offers it). */
function onLifecycle({ connection, ws }: Session): void {
  let watchFiles = false;
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
}

/** Edits, closes and changes on disk: each schedules a lint of the file's app. */
function onDocumentChanges({ connection, documents, openUris, ws, lints }: Session): void {
  documents.onDidChangeContent(({ document }) => {
    const abs = pathOf(document.uri);
    if (!abs) return;
    openUris.set(abs, document.uri);
    lints.schedule(abs);
  });
  documents.onDidClose(({ document }) => {
    const abs = pathOf(document.uri);
    if (!abs) return;
    openUris.delete(abs);
    lints.schedule(abs); // the disk text counts again
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    ws.forgetTargets();
    for (const c of changes) {
      const abs = pathOf(c.uri);
      if (abs) ws.diskChanged(abs);
      if (abs && !openUris.has(abs)) lints.schedule(abs);
    }
  });
}

/** Hover, completion, definition and code actions, each answered about the document as the client sees it. */
function onLanguageRequests(session: Session): void {
  const { connection, ws, guard } = session;
  const at = (uri: string) => requestTarget(session, uri);
  connection.onHover(({ textDocument, position }) =>
    guard('hover', null, () => {
      const c = at(textDocument.uri);
      if (!c) return null;
      const text = c.doc.getText();
      const findings = session.lints.published.get(c.abs) ?? [];
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
}

/** The document, its path and its app, for a request about a position. */
function requestTarget({ documents, ws, lints }: Session, uri: string) {
  const doc = documents.get(uri);
  const abs = pathOf(uri);
  if (!doc || !abs) return undefined;
  lints.catchUp(); // answer about the text the client sees now
  return { doc, abs, state: ws.appOf(abs) };
}
