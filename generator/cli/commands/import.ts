import type { Command } from 'commander';
import { importApp } from '../../compile/index.ts';
import { displayPath, loadUsableApp } from '../app-input.ts';
import { EXIT } from '../errors.ts';
import type { SetExit } from './index.ts';

export function registerImport(program: Command, setExit: SetExit): void {
  program
    .command('import')
    .description(
      'Turn an app (local-dev folder, older .imljson export or bundle) into app-src-style TypeScript',
    )
    .argument('<path>', 'the app to import')
    .requiredOption('--out <dir>', 'folder for the TypeScript sources (must be empty unless --force)')
    .option('--force', 'write into a non-empty folder, overwriting files of the same name')
    .action((source: string, flags: { out: string; force?: boolean }) => {
      // An app the loader could not read at all stops here, before the output folder is touched.
      const app = loadUsableApp(source);
      const result = importApp(app, { out: flags.out, force: flags.force });
      for (const d of result.loadDiagnostics) {
        process.stderr.write(
          `${displayPath(app.root, d.file)}:${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}\n`,
        );
      }
      for (const note of result.notes) process.stderr.write(`make-app: note: ${note}\n`);
      const errors = result.loadDiagnostics.filter((d) => d.severity === 'error').length;
      process.stdout.write(
        `imported ${source} into ${flags.out}: ${result.files.length} files; build it with make-app build --src ${flags.out} --out <dir>\n`,
      );
      // Load errors mean parts of the app were skipped: the import is incomplete, say so in the exit code.
      if (errors > 0)
        process.stdout.write(`${errors} load error(s) above: the parts they name were not imported\n`);
      setExit(errors > 0 ? EXIT.findings : EXIT.ok);
    });
}
