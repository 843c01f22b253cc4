import type { Command } from 'commander';
import { lazy, type SetExit } from '../lazy-action.ts';

export function registerInit(program: Command, setExit: SetExit): void {
  program
    .command('init')
    .description(
      'Scaffold a new app project: package.json, tsconfig.json, app-src/ with a connection, a module and a scenario',
    )
    .argument('<dir>', 'the project folder (created when missing; must be empty)')
    .option('--name <name>', "the app's name (default: the folder's name)")
    .action(lazy(setExit, async () => (await import('../actions/init.ts')).runInit));
}
