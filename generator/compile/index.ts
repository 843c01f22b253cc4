/** The typed authoring API (used by app-src/), the compiler and the importer. */
export * from './authoring/index.ts';
