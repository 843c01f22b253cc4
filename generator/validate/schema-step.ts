import type { AppModel, Diagnostic } from '../model/index.ts';

/**
 * The JSON Schema step (`generator/validate/schema/`, built by the schema helper). Kept behind
 * this one adapter so the linter does not depend on its internals.
 */
export function schemaDiagnostics(_app: AppModel): Diagnostic[] {
  return [];
}
