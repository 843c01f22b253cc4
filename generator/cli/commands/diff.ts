import { type Command, Option } from 'commander';
import { DIFF_FORMATS } from '../../diff/format/names.ts';
import { lazy, type SetExit } from '../lazy-action.ts';

export function registerDiff(program: Command, setExit: SetExit): void {
  program
    .command('diff')
    .description(
      'Compare an app with the reference, by structure and by behaviour; exit 0 when behaviour is equivalent, 1 when it differs',
    )
    .argument(
      '<theirs>',
      'the app to check: a local-development folder, an older export, or a single-file bundle',
    )
    .option('--against <reference>', 'the reference app', 'dist-app')
    .addOption(new Option('--format <format>', 'report format').choices(DIFF_FORMATS).default('text'))
    .option('--output <file>', 'write the report to this file instead of standard output')
    .option('--no-behaviour', 'compare structure only (do not run scenarios)')
    .option(
      '--scenario <path>',
      'scenario file or folder (default: the reference app scenarios, else a smoke scenario)',
    )
    .option(
      '--assignment <file.yaml>',
      'grade only the reference components an assignment asks for (required, optional, weights); extras are not penalised',
    )
    .action(lazy(setExit, async () => (await import('../actions/diff.ts')).runDiff));
}
