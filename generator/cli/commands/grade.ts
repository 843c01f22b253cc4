import { type Command, Option } from 'commander';
import { CLASS_FORMATS } from '../../grade/format/names.ts';
import { lazy, type SetExit } from '../lazy-action.ts';

export function registerGrade(program: Command, setExit: SetExit): void {
  program
    .command('grade')
    .description(
      'Grade a class of submissions against the reference in parallel; exit 0 when everyone passes, 1 when someone does not',
    )
    .argument('<paths...>', 'submissions (app folders, bundle JSON files, .zip files) or folders of them')
    .option('--against <reference>', 'the reference app', 'dist-app')
    .addOption(new Option('--format <format>', 'report format').choices(CLASS_FORMATS).default('text'))
    .option('--output <file>', 'write the report here (HTML: student pages go into <file>-students/)')
    .option('--jobs <n>', 'worker threads (default: the number of cores)')
    .option('--pass-mark <p>', 'grade needed to pass (default: the rubric’s, 60)')
    .option('--rubric <file>', 'rubric config file (YAML/JSON) overriding the default weights and caps')
    .option('--assignment <file>', 'assignment YAML: required and optional reference components, weights')
    .option('--scenario <path>', 'scenario file or folder (default: the reference app scenarios)')
    .option('--no-behaviour', 'compare structure only (do not run scenarios)')
    .option('--time-limit <seconds>', 'per-student time limit', '60')
    .option('--memory <MB>', 'per-student memory cap', '512')
    .action(lazy(setExit, async () => (await import('../actions/grade.ts')).runGrade));
}
