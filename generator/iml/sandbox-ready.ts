/**
 * Kept for callers written against the first sandbox, which loaded QuickJS in the host and needed
 * an `await` first. The isolate now loads inside its own worker and `createCustomFunctions` is
 * synchronous, so importing this module is harmless and no longer required.
 */
import { initImlSandbox } from './sandbox/custom-functions.ts';

await initImlSandbox();
