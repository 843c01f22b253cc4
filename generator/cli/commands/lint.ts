import type { Command } from 'commander';
import { UsageError } from '../errors.ts';
import type { SetExit } from './index.ts';

export function registerLint(program: Command, _setExit: SetExit): void {
  program
    .command('lint')
    .description('(being built) lint')
    .action(() => {
      throw new UsageError('lint is not available yet');
    });
}
