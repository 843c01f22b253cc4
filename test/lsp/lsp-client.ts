/**
 * A real LSP client for tests: starts `make-app lsp --stdio` as a child process and talks JSON-RPC
 * to it with vscode-jsonrpc, like an editor does.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  type MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';

const BIN = path.resolve(import.meta.dirname, '../../bin/make-app.js');

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface LspDiagnostic {
  range: Range;
  severity: number;
  code: string;
  message: string;
  source: string;
  data?: unknown;
}

export const uri = (file: string) => pathToFileURL(file).href;

export class LspClient {
  readonly conn: MessageConnection;
  /** Latest diagnostics per URI. */
  readonly diagnostics = new Map<string, LspDiagnostic[]>();
  private waiters: { uri: string; resolve: (d: LspDiagnostic[]) => void }[] = [];
  private versions = new Map<string, number>();
  readonly stderr: string[] = [];

  constructor(readonly child: ChildProcess) {
    child.stderr?.on('data', (b: Buffer) => this.stderr.push(b.toString()));
    this.conn = createMessageConnection(
      new StreamMessageReader(child.stdout as NodeJS.ReadableStream),
      new StreamMessageWriter(child.stdin as NodeJS.WritableStream),
    );
    this.conn.onNotification(
      'textDocument/publishDiagnostics',
      (p: { uri: string; diagnostics: LspDiagnostic[] }) => {
        this.diagnostics.set(p.uri, p.diagnostics);
        if (process.env.LSP_TEST_TRACE)
          console.log(
            'publish',
            p.uri,
            p.diagnostics.map((d) => d.code),
          );
        const ready = this.waiters.filter((w) => w.uri === p.uri);
        this.waiters = this.waiters.filter((w) => w.uri !== p.uri);
        for (const w of ready) w.resolve(p.diagnostics);
      },
    );
    this.conn.onNotification('window/logMessage', () => {});
    this.conn.listen();
  }

  /** `watchFiles`: the client watches the disk and reports changes (as VS Code does). */
  static async start(workspace: string, opts: { watchFiles?: boolean } = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new LspClient(child);
    const registered = new Promise<void>((resolve) => {
      client.conn.onRequest('client/registerCapability', () => {
        resolve();
        return null;
      });
    });
    await client.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri(workspace),
      workspaceFolders: [{ uri: uri(workspace), name: 'ws' }],
      capabilities: opts.watchFiles
        ? { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } }
        : {},
    });
    await client.conn.sendNotification('initialized', {});
    if (opts.watchFiles) await registered;
    return client;
  }

  /** Reports changes on disk, as a watching client does (1 created, 2 changed, 3 deleted). */
  async diskChanged(changes: { file: string; type: 1 | 2 | 3 }[]): Promise<void> {
    await this.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: changes.map((c) => ({ uri: uri(c.file), type: c.type })),
    });
  }

  /** The next diagnostics published for a file (register before the edit that causes them). */
  nextDiagnostics(file: string): Promise<LspDiagnostic[]> {
    return new Promise((resolve) => this.waiters.push({ uri: uri(file), resolve }));
  }

  async open(file: string, text = readFileSync(file, 'utf8')): Promise<LspDiagnostic[]> {
    const next = this.nextDiagnostics(file);
    this.versions.set(file, 1);
    await this.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uri(file), languageId: 'json', version: 1, text },
    });
    return next;
  }

  /** Replaces the whole text of an open document (unsaved). */
  async change(file: string, text: string): Promise<LspDiagnostic[]> {
    const next = this.nextDiagnostics(file);
    const version = (this.versions.get(file) ?? 1) + 1;
    this.versions.set(file, version);
    await this.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri(file), version },
      contentChanges: [{ text }],
    });
    return next;
  }

  async close(file: string): Promise<void> {
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri: uri(file) } });
  }

  request<T>(method: string, file: string, position: Position, extra: object = {}): Promise<T> {
    return this.conn.sendRequest(method, { textDocument: { uri: uri(file) }, position, ...extra });
  }

  async stop(): Promise<void> {
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    this.conn.dispose();
    this.child.kill();
  }
}

/** 0-based position of the `nth` occurrence of `needle` in `text`, plus `shift` characters. */
export function positionOf(text: string, needle: string, shift = 0, nth = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found`);
  }
  const before = text.slice(0, at + shift);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}
