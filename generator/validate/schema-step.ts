import type { AppModel, Diagnostic } from '../model/index.ts';
import { validateSchemas } from './schema/index.ts';

/**
 * The JSON Schema step (`generator/validate/schema/`, owned by the schema helper). Kept behind
 * this one adapter so the linter does not depend on its internals.
 */
export function schemaDiagnostics(app: AppModel): Diagnostic[] {
  return validateSchemas(app);
}
