/** Importing sandbox-ready.ts loads the isolate, so custom functions can be created synchronously. */
import { describe, expect, it } from 'vitest';
import '../../generator/iml/sandbox-ready.ts';
import { createCustomFunctions, evaluateTemplate, isImlSandboxReady } from '../../generator/iml/index.ts';

describe('sandbox-ready', () => {
  it('makes createCustomFunctions usable without awaiting anything', () => {
    expect(isImlSandboxReady()).toBe(true);
    const fns = createCustomFunctions({ inc: 'function inc(x) { return x + 1; }' });
    try {
      expect(evaluateTemplate('{{inc(1)}}', {}, { functions: fns })).toBe(2);
    } finally {
      fns.dispose();
    }
  });
});
