/**
 * Import this module once (`import '<path>/generator/iml/sandbox-ready.ts'`) to load the QuickJS
 * sandbox with a top-level await, so `createCustomFunctions` can be called synchronously anywhere
 * afterwards. Kept out of index.ts so tools that never run custom functions do not pay ~100 ms.
 */
import { initImlSandbox } from './sandbox/custom-functions.ts';

await initImlSandbox();
