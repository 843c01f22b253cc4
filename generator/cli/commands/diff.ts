import type { Command } from 'commander';
import { UsageError } from '../errors.ts';
import type { SetExit } from './index.ts';

export function registerDiff(program: Command, _setExit: SetExit): void {
  program
    .command('diff')
    .description('(being built) diff')
    .action(() => {
      throw new UsageError('diff is not available yet');
    });
}
