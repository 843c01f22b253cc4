/** The typed authoring API (used by app-src/), the compiler and the importer. */
export * from './authoring/index.ts';
export { buildApp, importAppDefinition, renderApp, type BuildOptions, type BuildResult } from './build.ts';
export { evaluateApp, type EvaluatedApp } from './evaluate.ts';
export { emitApp, BUNDLE_FILE, MAKECOMAPP_FILE } from './emit.ts';
export { MANIFEST_FILE } from './output-folder.ts';
export { resolveSecret, type SecretMode } from './secrets.ts';
export { importApp, type ImportOptions, type ImportResult } from './import/index.ts';
