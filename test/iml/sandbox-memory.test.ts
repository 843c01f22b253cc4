/**
 * The custom-function memory cap holds (issue 10, item 2): a function that allocates in a loop ends
 * with "out of memory" naming it — not a timeout — and the host process stays small. Whatever the
 * allocation pattern: many small objects (which QuickJS's own estimate undercounts), big arrays,
 * long strings, typed arrays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CustomFunctions, createCustomFunctions, evaluateTemplate } from '../../generator/iml/index.ts';

const MB = 1024 * 1024;
let fns: CustomFunctions;

beforeAll(() => {
  fns = createCustomFunctions(
    {
      objects: 'function objects() { const a = []; for (;;) a.push({ x: 1, y: [1, 2, 3] }); }',
      arrays: 'function arrays() { const a = []; for (;;) a.push(new Array(100000).fill(1)); }',
      strings: "function strings() { const a = []; for (let i = 0; ; i++) a.push('x'.repeat(100000) + i); }",
      bytes: 'function bytes() { const a = []; for (;;) a.push(new Uint8Array(1024 * 1024)); }',
      huge: "function huge() { return 'x'.repeat(20 * 1024 * 1024) + 'y'.repeat(20 * 1024 * 1024); }",
      fine: 'function fine(n) { return n + 1; }',
    },
    // far above what filling the cap takes, so only the memory limit can end these calls
    { timeoutMs: 20_000 },
  );
});
afterAll(() => fns?.dispose());

describe('custom-function memory cap', { timeout: 120_000 }, () => {
  it.each(['objects', 'arrays', 'strings', 'bytes', 'huge'])(
    '%s: "out of memory" naming the function, and the host stays small',
    (name) => {
      expect(evaluateTemplate('{{fine(1)}}', {}, { functions: fns })).toBe(2);
      const before = process.memoryUsage();
      let message = '';
      try {
        evaluateTemplate(`{{${name}()}}`, {}, { functions: fns });
      } catch (e) {
        message = (e as Error).message;
      }
      const after = process.memoryUsage();
      expect(message).toMatch(new RegExp(`custom function ${name}\\(\\) ran out of memory`));
      expect(message).not.toMatch(/timed out/);
      // The isolate's memory is capped at 40 MB; the issue measured 422 MB and 2.3 GB.
      expect((after.rss - before.rss) / MB).toBeLessThan(100);
      expect((after.heapUsed - before.heapUsed) / MB).toBeLessThan(100);
      // a fresh isolate serves the next call
      expect(evaluateTemplate('{{fine(2)}}', {}, { functions: fns })).toBe(3);
    },
  );
});
