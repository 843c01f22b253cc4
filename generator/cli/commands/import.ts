import type { Command } from 'commander';
import { UsageError } from '../errors.ts';
import type { SetExit } from './index.ts';

export function registerImport(program: Command, _setExit: SetExit): void {
  program
    .command('import')
    .description('(being built) import')
    .action(() => {
      throw new UsageError('import is not available yet');
    });
}
