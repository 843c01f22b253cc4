import { displayPath } from '../../workflow/app-input.ts';
import { importApp } from '../../workflow/import-app.ts';
import { EXIT, UsageError } from '../errors.ts';

export function runImport(source: string, flags: { out?: string; force?: boolean }): number {
  // checked here, after commander has checked the path, so a missing path is reported first
  if (!flags.out) throw new UsageError('import needs --out <dir> (the folder for the TypeScript project)');
  const result = importApp({ source, out: flags.out, force: flags.force });
  for (const d of result.loadDiagnostics) {
    process.stderr.write(
      `${displayPath(result.app.root, d.file)}:${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}\n`,
    );
  }
  for (const note of result.notes) process.stderr.write(`make-app: note: ${note}\n`);
  process.stdout.write(
    `imported ${source} into ${flags.out}: ${result.files.length} files; build it with make-app build --src ${flags.out} --out <dir>\n`,
  );
  // Load errors mean parts of the app were skipped: the import is incomplete, say so in the exit code.
  if (result.errors > 0)
    process.stdout.write(`${result.errors} load error(s) above: the parts they name were not imported\n`);
  return result.errors > 0 ? EXIT.findings : EXIT.ok;
}
