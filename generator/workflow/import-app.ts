/**
 * The import workflow: any app the loader reads → app-src-style TypeScript that imports the
 * authoring API by the package's name, so the result builds wherever the package is installed.
 */
import { type ImportResult, importApp as importIntoTypeScript } from '../compile/index.ts';
import type { AppModel } from '../model/index.ts';
import { loadUsableApp } from './app-input.ts';

export interface ImportWorkflowOptions {
  /** The app to import. */
  source: string;
  /** Folder for the TypeScript sources: new, empty, or (with `force`) an earlier import. */
  out: string;
  force?: boolean;
}

export interface ImportWorkflowResult extends ImportResult {
  app: AppModel;
  /** Load errors: the parts they name were not imported. */
  errors: number;
}

export function importApp(opts: ImportWorkflowOptions): ImportWorkflowResult {
  // An app the loader could not read at all stops here, before the output folder is touched.
  const app = loadUsableApp(opts.source);
  const result = importIntoTypeScript(app, { out: opts.out, force: opts.force });
  const errors = result.loadDiagnostics.filter((d) => d.severity === 'error').length;
  return { ...result, app, errors };
}
