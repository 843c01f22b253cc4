/** Scenario files named by a caller: checked like every input file, errors with their position. */
import { existsSync } from 'node:fs';
import { InputError } from '../model/errors.ts';
import { loadScenarios, type Scenario, ScenarioError } from '../simulate/index.ts';
import { checkInputFile, INPUT_LIMITS } from './input-file.ts';

export function readScenarios(target: string, flag = '--scenario'): Scenario[] {
  checkInputFile(target, flag, INPUT_LIMITS.scenario, true);
  try {
    return loadScenarios(target);
  } catch (e) {
    if (e instanceof ScenarioError)
      throw new InputError(e.message, { file: e.file, line: e.line, column: e.column });
    throw e;
  }
}

/** The scenarios at `target` when it exists (the default folder of a project may not). */
export function readScenariosIfPresent(target: string): Scenario[] | undefined {
  return existsSync(target) ? readScenarios(target) : undefined;
}
