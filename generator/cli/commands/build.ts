import type { Command } from 'commander';
import { UsageError } from '../errors.ts';
import type { SetExit } from './index.ts';

export function registerBuild(program: Command, _setExit: SetExit): void {
  program
    .command('build')
    .description('(being built) build')
    .action(() => {
      throw new UsageError('build is not available yet');
    });
}
