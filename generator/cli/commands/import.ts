import type { Command } from 'commander';
import { importApp } from '../../compile/index.ts';
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
      const result = importApp(source, { out: flags.out, force: flags.force });
      for (const d of result.loadDiagnostics) {
        process.stderr.write(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}\n`);
      }
      process.stdout.write(
        `imported ${source} into ${flags.out}: ${result.files.length} files; build it with make-app build --src ${flags.out} --out <dir>\n`,
      );
      setExit(EXIT.ok);
    });
}
