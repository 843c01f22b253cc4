import { startStdioServer } from '../../lsp/index.ts';
import { EXIT, UsageError } from '../errors.ts';

/** Starts the server; the process then lives until the client goes away. */
export function runLsp(flags: { stdio?: boolean }): number {
  if (!flags.stdio) throw new UsageError('lsp needs --stdio (the only transport)');
  startStdioServer();
  return EXIT.ok;
}
