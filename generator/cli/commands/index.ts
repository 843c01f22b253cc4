import type { Command } from 'commander';
import { registerBuild } from './build.ts';
import { registerDiff } from './diff.ts';
import { registerIml } from './iml.ts';
import { registerImport } from './import.ts';
import { registerLint } from './lint.ts';
import { registerServeApi } from './serve-api.ts';
import { registerSimulate } from './simulate.ts';
import { registerStart } from './start.ts';

/** A command reports its exit code through `setExit` (0 clean, 1 findings, 2 error). */
export type SetExit = (code: number) => void;

export function registerCommands(program: Command, setExit: SetExit): void {
  for (const register of [
    registerStart,
    registerBuild,
    registerImport,
    registerLint,
    registerSimulate,
    registerDiff,
    registerServeApi,
    registerIml,
  ]) {
    register(program, setExit);
  }
}
