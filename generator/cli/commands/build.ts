import type { Command } from 'commander';
import { lazy, type SetExit } from '../lazy-action.ts';

export function registerBuild(program: Command, setExit: SetExit): void {
  program
    .command('build')
    .description(
      "Compile app-src/ (TypeScript) into Make's local-development layout and app.bundle.json, then lint it",
    )
    .option('--src <dir>', 'folder with app.ts (default export defineApp(...))', 'app-src')
    .option('--out <dir>', 'output folder', 'dist-app')
    .option('--check', 'write nothing; exit 1 when the output folder is out of date')
    .option(
      '--with-secrets',
      'write the real client id/secret (from env or .secrets/academy.json); never into dist-app/',
    )
    .option('--baseline <file>', 'accepted lint findings (default: <src>/lint-baseline.json)')
    .action(lazy(setExit, async () => (await import('../actions/build.ts')).runBuild));
}
