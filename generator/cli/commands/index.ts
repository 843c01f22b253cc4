import type { Command } from 'commander';
import type { SetExit } from '../lazy-action.ts';
import { registerBuild } from './build.ts';
import { registerDiff } from './diff.ts';
import { registerGrade } from './grade.ts';
import { registerIml } from './iml.ts';
import { registerImport } from './import.ts';
import { registerInit } from './init.ts';
import { registerLint } from './lint.ts';
import { registerLsp } from './lsp.ts';
import { registerSchemas } from './schemas.ts';
import { registerServeApi } from './serve-api.ts';
import { registerSimulate } from './simulate.ts';
import { registerStart } from './start.ts';

export type { SetExit } from '../lazy-action.ts';

export function registerCommands(program: Command, setExit: SetExit): void {
  for (const register of [
    registerStart,
    registerBuild,
    registerImport,
    registerInit,
    registerLint,
    registerSimulate,
    registerDiff,
    registerGrade,
    registerServeApi,
    registerIml,
    registerSchemas,
    registerLsp,
  ]) {
    register(program, setExit);
  }
}
