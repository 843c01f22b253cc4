/**
 * `make-app schemas --vscode`: associate an app's files with our JSON Schemas in
 * `.vscode/settings.json` (`json.schemas`), so VS Code checks them as they are typed. The settings
 * file is JSON with comments and belongs to the user: only our own entries are replaced, every
 * other setting and comment stays as it was.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyEdits, modify, type ParseError, parse } from 'jsonc-parser';
import { PACKAGE_NAME } from '../compile/project-files.ts';
import { loadApp } from '../load/index.ts';
import { InputError } from '../model/errors.ts';
import { schemaAssociations } from '../validate/schema/associations.ts';
import { appFiles, checkOutputPath } from './output-guard.ts';

export interface VscodeSchemasOptions {
  /** The app (a local-development folder). */
  app: string;
  /** The workspace folder that holds `.vscode/` (default: the working folder). */
  workspace?: string;
  /** How the settings point at the schemas (default: the package inside the workspace's node_modules). */
  schemasBase?: string;
}

export interface VscodeSchemasResult {
  settingsFile: string;
  /** Our entries written (one per schema used by the app). */
  entries: number;
}

interface SchemaEntry {
  fileMatch: string[];
  url: string;
}

export function writeVscodeSchemas(opts: VscodeSchemasOptions): VscodeSchemasResult {
  const workspace = path.resolve(opts.workspace ?? '.');
  const app = loadApp(opts.app);
  const appRel = path.relative(workspace, app.root).split(path.sep).join('/');
  const base = opts.schemasBase ?? `./node_modules/${PACKAGE_NAME}/schemas`;
  const ours: SchemaEntry[] = schemaAssociations(app).map((a) => ({
    fileMatch: a.fileMatch.map((m) => (appRel ? `${appRel}/${m}` : m)),
    url: `${base}/${a.schema}.schema.json`,
  }));
  const settingsFile = path.join(workspace, '.vscode', 'settings.json');
  // like every output: never into a filesystem root or a system folder, never over an app file
  checkOutputPath('--vscode', settingsFile, appFiles(app, 'a file of the app'));
  const text = existsSync(settingsFile) ? readFileSync(settingsFile, 'utf8') : '{}\n';
  const errors: ParseError[] = [];
  const current = parse(text, errors, { allowTrailingComma: true }) as Record<string, unknown> | undefined;
  if (errors.length > 0 || (current !== undefined && (typeof current !== 'object' || Array.isArray(current))))
    throw new InputError('is not a JSON object (with comments); fix it or move it aside first', {
      file: settingsFile,
    });
  const previous = Array.isArray(current?.['json.schemas']) ? (current['json.schemas'] as SchemaEntry[]) : [];
  // Entries of ours from an earlier run are replaced (the app may have changed); the user's stay.
  const kept = previous.filter((e) => !(typeof e?.url === 'string' && e.url.startsWith(`${base}/`)));
  const edits = modify(text, ['json.schemas'], [...kept, ...ours], {
    formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' },
  });
  mkdirSync(path.dirname(settingsFile), { recursive: true });
  writeFileSync(settingsFile, applyEdits(text, edits));
  return { settingsFile, entries: ours.length };
}
