import type { Command } from 'commander';
import { UsageError } from '../errors.ts';
import type { SetExit } from './index.ts';

export function registerServeApi(program: Command, _setExit: SetExit): void {
  program
    .command('serve-api')
    .description('(being built) serve-api')
    .action(() => {
      throw new UsageError('serve-api is not available yet');
    });
}
