import type { Command } from 'commander';
import { lazy, type SetExit } from '../lazy-action.ts';

/** The main job on the embedded defaults: build app-src → dist-app, lint it, simulate its scenarios. */
export function registerStart(program: Command, setExit: SetExit): void {
  program
    .command('start')
    .description(
      'Build the reference app (app-src → dist-app), lint it, and simulate its scenarios on the embedded API',
    )
    .option('--src <dir>', 'TypeScript sources of the app', 'app-src')
    .option('--out <dir>', 'output folder of the build', 'dist-app')
    .option('--scenario <file or dir>', 'scenarios to simulate', 'app-src/scenarios')
    .option('--har <file>', 'also write the redacted HAR recording of the simulation')
    .option('--no-simulate', 'stop after build and lint')
    .action(lazy(setExit, async () => (await import('../actions/start.ts')).runStart));
}
