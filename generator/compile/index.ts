/** The typed authoring API (used by app-src/), the compiler and the importer. */
export * from './authoring/index.ts';
export {
  type CompileOptions,
  type CompileResult,
  compileApp,
  importAppDefinition,
  renderApp,
} from './build.ts';
export { BUNDLE_FILE, emitApp, MAKECOMAPP_FILE } from './emit.ts';
export { type EvaluatedApp, evaluateApp } from './evaluate.ts';
export { type ImportOptions, type ImportResult, importApp } from './import/index.ts';
export { MANIFEST_FILE } from './output-folder.ts';
export { resolveSecret, type SecretMode } from './secrets.ts';
