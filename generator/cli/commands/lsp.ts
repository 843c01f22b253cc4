import type { Command } from 'commander';
import { lazy, type SetExit } from '../lazy-action.ts';

export function registerLsp(program: Command, setExit: SetExit): void {
  program
    .command('lsp')
    .description(
      'Run the language server for editors: diagnostics, hover, completion, definitions, quick fixes',
    )
    .option('--stdio', 'talk LSP over standard input and output')
    .allowUnknownOption() // clients add their own flags (e.g. --clientProcessId)
    .action(lazy(setExit, async () => (await import('../actions/lsp.ts')).runLsp));
}
