import path from 'node:path';
import type { Command } from 'commander';
import { buildApp } from '../../compile/index.ts';
import type { Diagnostic } from '../../model/index.ts';
import { EXIT, UsageError } from '../errors.ts';
import { checkInputFile, INPUT_LIMITS } from '../input-file.ts';
import type { SetExit } from './index.ts';

interface BuildFlags {
  src: string;
  out: string;
  check?: boolean;
  withSecrets?: boolean;
  baseline?: string;
}

export function registerBuild(program: Command, setExit: SetExit): void {
  program
    .command('build')
    .description(
      "Compile app-src/ (TypeScript) into Make's local-development layout and app.bundle.json, then lint it",
    )
    .option('--src <dir>', 'folder with app.ts (default export defineApp(...))', 'app-src')
    .option('--out <dir>', 'output folder', 'dist-app')
    .option('--check', 'write nothing; exit 1 when the output folder is out of date')
    .option(
      '--with-secrets',
      'write the real client id/secret (from env or .secrets/academy.json); never into dist-app/',
    )
    .option('--baseline <file>', 'accepted lint findings (default: <src>/lint-baseline.json)')
    .action(async (flags: BuildFlags) => {
      if (flags.withSecrets && path.resolve(flags.out) === path.resolve('dist-app')) {
        throw new UsageError(
          '--with-secrets cannot write into dist-app/ (it is committed); choose another --out',
        );
      }
      if (flags.baseline) checkInputFile(flags.baseline, '--baseline', INPUT_LIMITS.json);
      const result = await buildApp({
        src: flags.src,
        out: flags.out,
        check: flags.check,
        secrets: flags.withSecrets ? 'resolve' : 'placeholder',
        baselineFile: flags.baseline,
      });
      for (const d of result.diagnostics) process.stdout.write(`${formatDiagnostic(flags.out, d)}\n`);
      for (const e of result.staleBaseline) {
        process.stdout.write(
          `baseline entry no longer needed (delete it): ${e.ruleId} ${e.file}${e.pointer}\n`,
        );
      }
      if (flags.check && !result.upToDate) {
        const changed = [
          ...result.written.map((f) => `  changed: ${f}`),
          ...result.removed.map((f) => `  stale:   ${f}`),
        ];
        process.stdout.write(
          `${flags.out} is out of date with ${flags.src}; run make-app build\n${changed.join('\n')}\n`,
        );
      } else {
        const verb = flags.check
          ? 'is up to date'
          : result.upToDate
            ? 'was up to date'
            : `written (${result.written.length} changed, ${result.removed.length} removed)`;
        process.stdout.write(
          `${flags.out} ${verb}; lint: ${result.errors} error(s), ${result.warnings} warning(s)` +
            `${result.accepted ? `, ${result.accepted} accepted by the baseline` : ''}\n`,
        );
      }
      setExit(result.ok ? EXIT.ok : EXIT.findings);
    });
}

/** `file:line:col severity rule message` plus the TypeScript line that produced it. */
function formatDiagnostic(out: string, d: Diagnostic): string {
  const where = `${path.join(out, d.file)}:${d.line}:${d.column}`;
  const origin = d.origin ? `\n    from ${d.origin.file}:${d.origin.line}:${d.origin.column}` : '';
  return `${where} ${d.severity} ${d.ruleId} ${d.message}${origin}`;
}
