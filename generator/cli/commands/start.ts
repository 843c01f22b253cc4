import type { Command } from 'commander';
import { UsageError } from '../errors.ts';
import type { SetExit } from './index.ts';

export function registerStart(program: Command, _setExit: SetExit): void {
  program
    .command('start')
    .description('(being built) start')
    .action(() => {
      throw new UsageError('start is not available yet');
    });
}
