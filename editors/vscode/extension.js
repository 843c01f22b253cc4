// A thin client: every check lives in the make-app language server (`make-app lsp --stdio`),
// the same engine as `make-app lint`, started from the package installed in the workspace.
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** Files the server looks at: code files of every layout the loader reads, and the lint config. */
const PATTERNS = [
  '**/*.iml.json',
  '**/*.imljson',
  '**/makecomapp.json',
  '**/app.bundle.json',
  '**/metadata.json',
  '**/make-app.config.json',
  '**/.make-app.json',
];

let client;

function serverCommand() {
  const configured = vscode.workspace.getConfiguration('makeApp').get('server.command', []);
  if (configured.length > 0) return { command: configured[0], args: configured.slice(1) };
  const bin = process.platform === 'win32' ? 'make-app.cmd' : 'make-app';
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const local = path.join(folder.uri.fsPath, 'node_modules', '.bin', bin);
    if (fs.existsSync(local)) return { command: local, args: ['lsp'] };
  }
  return { command: bin, args: ['lsp'] };
}

function activate(context) {
  const { command, args } = serverCommand();
  // TransportKind.stdio adds --stdio
  const run = { command, args, transport: TransportKind.stdio, options: { shell: process.platform === 'win32' } };
  client = new LanguageClient(
    'makeApp',
    'make-app',
    { run, debug: run },
    {
      documentSelector: PATTERNS.map((pattern) => ({ scheme: 'file', pattern })),
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{json,jsonc,imljson,js,md}') },
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
