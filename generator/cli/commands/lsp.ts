import type { Command } from 'commander';
import { EXIT, UsageError } from '../errors.ts';
import type { SetExit } from './index.ts';

export function registerLsp(program: Command, setExit: SetExit): void {
  program
    .command('lsp')
    .description(
      'Run the language server (diagnostics, hover, completion, definitions, quick fixes) for editors',
    )
    .option('--stdio', 'talk LSP over standard input and output')
    .allowUnknownOption() // clients add their own flags (e.g. --clientProcessId)
    .action(async (flags: { stdio?: boolean }) => {
      if (!flags.stdio) throw new UsageError('lsp needs --stdio (the only transport)');
      // loaded only here, so other commands never pay for the LSP libraries
      const { startStdioServer } = await import('../../lsp/index.ts');
      startStdioServer();
      setExit(EXIT.ok);
    });
}
