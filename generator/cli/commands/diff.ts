import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Command, Option } from 'commander';
import { diffApps, formatHtml, formatJson, formatText } from '../../diff/index.ts';
import { loadUsableApp } from '../app-input.ts';
import { EXIT, InputError, UsageError } from '../errors.ts';
import { checkInputFile, INPUT_LIMITS } from '../input-file.ts';
import { appFiles, checkOutputPath, inputFiles } from '../output-guard.ts';
import type { SetExit } from './index.ts';

const FORMATS = ['text', 'json', 'html'] as const;
type Format = (typeof FORMATS)[number];

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
    .addOption(new Option('--format <format>', 'report format').choices(FORMATS).default('text'))
    .option('--output <file>', 'write the report to this file instead of standard output')
    .option('--no-behaviour', 'compare structure only (do not run scenarios)')
    .option(
      '--scenario <path>',
      'scenario file or folder (default: the reference app scenarios, else a smoke scenario)',
    )
    .action(
      async (
        theirsPath: string,
        o: { against: string; format: Format; output?: string; behaviour: boolean; scenario?: string },
      ) => {
        if (!existsSync(o.against)) {
          throw new UsageError(
            o.against === 'dist-app'
              ? 'no reference app: dist-app/ does not exist here; run `make-app build` or pass --against <reference>'
              : `reference "${o.against}" does not exist`,
          );
        }
        if (o.scenario && !existsSync(o.scenario))
          throw new UsageError(`scenario path "${o.scenario}" does not exist`);
        if (o.output && path.resolve(o.output) === path.resolve(theirsPath)) {
          throw new UsageError('--output must not be the app being compared');
        }
        if (o.scenario) checkInputFile(o.scenario, '--scenario', INPUT_LIMITS.scenario, true);
        const theirs = loadUsableApp(theirsPath, 'the app');
        const reference = loadUsableApp(o.against, 'the reference');
        if (o.output) {
          // the report never replaces a file of either app (nor an app file lying beside them)
          const keep = appFiles(theirs, 'a file of the app being compared');
          appFiles(reference, 'a file of the reference app', keep);
          if (o.scenario) inputFiles(o.scenario, 'a --scenario file', keep);
          checkOutputPath('--output', o.output, keep);
        }
        const report = await diffApps(theirs, reference, {
          behaviour: o.behaviour,
          ...(o.scenario ? { scenarios: o.scenario } : {}),
        });
        const text =
          o.format === 'json'
            ? formatJson(report)
            : o.format === 'html'
              ? formatHtml(report)
              : formatText(report);
        if (o.output) {
          try {
            writeFileSync(o.output, text);
          } catch (e) {
            throw new InputError(`cannot write the report: ${(e as Error).message}`, { file: o.output });
          }
        } else process.stdout.write(text);
        setExit(report.behaviourEquivalent ? EXIT.ok : EXIT.findings);
      },
    );
}
