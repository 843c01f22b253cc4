import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // app-src imports the authoring API by the package name; tests run it from the sources
    alias: {
      'make-app-toolkit/authoring': fileURLToPath(
        new URL('./generator/compile/authoring/index.ts', import.meta.url),
      ),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files share a worker's loaded modules instead of importing the whole toolkit again per
    // file (about 40% of the suite's time). Tests therefore must not leave global state behind.
    isolate: false,
  },
});
