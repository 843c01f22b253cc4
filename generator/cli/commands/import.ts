import type { Command } from 'commander';
import { lazy, type SetExit } from '../lazy-action.ts';

export function registerImport(program: Command, setExit: SetExit): void {
  program
    .command('import')
    .description(
      'Turn an app (local-dev folder, older .imljson export or bundle) into app-src-style TypeScript',
    )
    .argument('<path>', 'the app to import')
    .option(
      '--out <dir>',
      'folder for the TypeScript sources (new or empty; with --force, an earlier import)',
    )
    .option(
      '--force',
      'replace the files of an earlier import in --out (never a folder make-app did not write)',
    )
    .action(lazy(setExit, async () => (await import('../actions/import.ts')).runImport));
}
