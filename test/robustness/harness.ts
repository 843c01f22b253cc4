/**
 * Runs the CLI in-process (no child process: fast) and captures what it prints, plus small
 * helpers to make throw-away fixtures under the OS temp folder.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { type CliRun, runCli } from '../helpers/cli.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const DIST_APP = path.join(ROOT, 'dist-app');

/** A stack trace line ("    at fn (file:line)") or the internal-error prefix: never for a user mistake. */
export const STACK = /^\s+at |internal error/m;

export type { CliRun } from '../helpers/cli.ts';

export function cli(...argv: string[]): Promise<CliRun> {
  return runCli(argv);
}

/** A temp folder removed after the test file; `file()` writes a fixture inside it. */
export function workspace(prefix: string) {
  const dir = mkdtempSync(path.join(tmpdir(), `make-app-robust-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    path: (...p: string[]) => path.join(dir, ...p),
    file(rel: string, content: string | Buffer): string {
      const abs = path.join(dir, rel);
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, content);
      return abs;
    },
    folder(rel: string): string {
      const abs = path.join(dir, rel);
      mkdirSync(abs, { recursive: true });
      return abs;
    },
    /** A fresh copy of the committed reference app. */
    copyOfReference(rel: string): string {
      const abs = path.join(dir, rel);
      cpSync(DIST_APP, abs, { recursive: true });
      return abs;
    },
  };
}

export const read = (file: string) => readFileSync(file, 'utf8');

/** Deterministic non-UTF-8 bytes (a PRNG, not /dev/urandom, so failures reproduce). */
export function garbageBytes(n: number): Buffer {
  const b = Buffer.alloc(n);
  let x = 0x2545f491;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
}

/** `[[[[...]]]]` nested `levels` deep. */
export const deepArray = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
/** `{"a":{"a":...1}}` nested `levels` deep. */
export const deepObject = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
