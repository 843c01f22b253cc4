import type { Command } from 'commander';
import { UsageError } from '../errors.ts';
import type { SetExit } from './index.ts';

export function registerIml(program: Command, _setExit: SetExit): void {
  program
    .command('iml')
    .description('(being built) iml')
    .action(() => {
      throw new UsageError('iml is not available yet');
    });
}
