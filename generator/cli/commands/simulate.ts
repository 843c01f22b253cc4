import type { Command } from 'commander';
import { UsageError } from '../errors.ts';
import type { SetExit } from './index.ts';

export function registerSimulate(program: Command, _setExit: SetExit): void {
  program
    .command('simulate')
    .description('(being built) simulate')
    .action(() => {
      throw new UsageError('simulate is not available yet');
    });
}
