/** The make-app language server (LSP) over standard input and output. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.ts';

export function startStdioServer(): void {
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  // a client that goes away without `exit` must not leave the server running
  process.stdin.on('end', () => process.exit(0));
  startServer(connection);
}
