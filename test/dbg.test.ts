import { it } from 'vitest';
import { createCustomFunctions, evaluateTemplate } from '../generator/iml/index.ts';
it('dbg', () => {
  let t = Date.now();
  const fns = createCustomFunctions({ heavy: 'function heavy() { const a = []; for (;;) a.push(new Array(100000).fill(1)); }', double: 'function double(x) { return x * 2; }' }, { timeoutMs: 300 });
  console.log('create', Date.now() - t);
  for (const f of ['double', 'double', 'heavy', 'double', 'double']) {
    t = Date.now();
    try { evaluateTemplate(`{{${f}(3)}}`, {}, { functions: fns }); } catch (e) { console.log(f, (e as Error).message); }
    console.log(f, Date.now() - t);
  }
  fns.dispose();
});
