/**
 * Runs the CLI's `main` in-process (no child process: fast), capturing what it prints. Real
 * end-to-end spawns of the bin are kept to a handful of tests (and the packed-tarball test).
 */
import { vi } from 'vitest';
import { main } from '../../generator/cli/main.ts';

/** Every command of `make-app`, as `--help` must list them. */
export const ALL_COMMANDS = [
  'start',
  'build',
  'import',
  'init',
  'lint',
  'simulate',
  'diff',
  'grade',
  'serve-api',
  'iml',
  'lsp',
  'schemas',
] as const;

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `make-app <argv>`; `env` entries are set for the run and restored after it. */
export async function runCli(argv: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let out = '';
  let err = '';
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  try {
    const code = await main(argv);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
