import type { Command } from 'commander';
import { lazy, type SetExit } from '../lazy-action.ts';

export function registerSchemas(program: Command, setExit: SetExit): void {
  program
    .command('schemas')
    .description("Editor support: associate an app's files with make-app's JSON Schemas")
    .argument('[app]', 'the app folder (local-development layout)', 'dist-app')
    .option(
      '--vscode [dir]',
      'write json.schemas into <dir>/.vscode/settings.json (default: the current folder)',
    )
    .option('--schemas-base <url>', 'where the settings point for the schemas', undefined)
    .action(lazy(setExit, async () => (await import('../actions/schemas.ts')).runSchemas));
}
