import path from 'node:path';
import type { Diagnostic } from '../../model/index.ts';
import { build } from '../../workflow/build.ts';
import { EXIT, UsageError } from '../errors.ts';
import { loadTypeScript } from '../typescript-loader.ts';

export interface BuildFlags {
  src: string;
  out: string;
  check?: boolean;
  withSecrets?: boolean;
  baseline?: string;
}

export async function runBuild(flags: BuildFlags): Promise<number> {
  if (flags.withSecrets && path.resolve(flags.out) === path.resolve('dist-app')) {
    throw new UsageError(
      '--with-secrets cannot write into dist-app/ (it is committed); choose another --out',
    );
  }
  await loadTypeScript();
  const result = await build({
    src: flags.src,
    out: flags.out,
    check: flags.check,
    secrets: flags.withSecrets ? 'resolve' : 'placeholder',
    baselineFile: flags.baseline,
  });
  for (const d of result.diagnostics) process.stdout.write(`${formatDiagnostic(flags.out, d)}\n`);
  for (const e of result.staleBaseline) {
    process.stdout.write(`baseline entry no longer needed (delete it): ${e.ruleId} ${e.file}${e.pointer}\n`);
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
  return result.ok ? EXIT.ok : EXIT.findings;
}

/** `file:line:col severity rule message` plus the TypeScript line that produced it. */
function formatDiagnostic(out: string, d: Diagnostic): string {
  const where = `${path.join(out, d.file)}:${d.line}:${d.column}`;
  const origin = d.origin ? `\n    from ${d.origin.file}:${d.origin.line}:${d.origin.column}` : '';
  return `${where} ${d.severity} ${d.ruleId} ${d.message}${origin}`;
}
