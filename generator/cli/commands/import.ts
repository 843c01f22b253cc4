import type { Command } from 'commander';
import { lazy, type SetExit } from '../lazy-action.ts';

export function registerImport(program: Command, setExit: SetExit): void {
  program
    .command('import')
    .description(
      'Turn an app (local-dev folder, older .imljson export or bundle) into app-src-style TypeScript',
    )
    .argument('<path>', 'the app to import')
    .option('--out <dir>', 'folder for the TypeScript sources (must be empty unless --force)')
    .option('--force', 'write into a non-empty folder, overwriting files of the same name')
    .action(lazy(setExit, async () => (await import('../actions/import.ts')).runImport));
}
