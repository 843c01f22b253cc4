import { isObject } from '../../model/index.ts';
import { defineRule } from '../types.ts';
import { academyApp } from './shared-cases.ts';

export const structureRepeatBounds = defineRule({
  id: 'structure/repeat-bounds',
  description: "`repeat` without a literal `limit`/`delay`, or with a limit above Make's cap of 1000.",
  defaultSeverity: 'error',
  docs: "A `repeat` block re-sends a request while its condition holds, waiting `delay` ms between rounds, at most `limit` times. Make's docs require both to be literal numbers: an IML expression there is not evaluated, so the loop has no usable bound. (A hard cap of 1000 rounds is reported by third-party notes only, so larger limits are not flagged.)",
  messages: {
    notLiteral: 'repeat.{key} must be a literal number, not {value}.',
    notPositive: 'repeat.{key} {value} is not a positive number.',
  },
  check(ctx) {
    for (const r of ctx.analysis.requests) {
      const rep = r.value.repeat;
      if (!isObject(rep)) continue;
      for (const key of ['limit', 'delay'] as const) {
        const v = rep[key];
        const bad =
          v === undefined
            ? undefined
            : typeof v !== 'number'
              ? ('notLiteral' as const)
              : v < (key === 'limit' ? 1 : 0)
                ? ('notPositive' as const)
                : undefined;
        if (bad)
          ctx.report({
            messageId: bad,
            data: { key, value: typeof v === 'number' ? v : JSON.stringify(v) },
            code: r.code,
            pointer: `${r.pointer}/repeat/${key}`,
            component: r.component ?? 'base',
          });
      }
    }
  },
  cases: {
    valid: [
      {
        name: 'literal limit and delay',
        bundle: academyApp(
          `"communication": { "url": "/about", "repeat": { "condition": "{{temp.again}}", "delay": 1000, "limit": 10 }, "response": { "temp": { "again": "{{body.pending}}" } } }, "scope": ["read"]`,
        ),
      },
    ],
    invalid: [
      {
        name: 'IML delay and a zero limit',
        bundle: academyApp(
          `"communication": { "url": "/about", "repeat": { "condition": "{{temp.again}}", "delay": /*@notLiteral*/ "{{parameters.wait}}", "limit": /*@notPositive*/ 0 }, "response": { "temp": { "again": "{{body.pending}}" } } }, "mappableParams": [{ "name": "wait", "type": "uinteger", "label": "Wait" }], "scope": ["read"]`,
        ),
      },
      {
        name: 'polling a job with the limit as text',
        bundle: academyApp(
          `"communication": { "url": "/jobs/1", "repeat": { "condition": "{{body.status != 'done'}}", "delay": 1000, "limit": /*@notLiteral*/ "10" } }, "scope": ["read"]`,
        ),
      },
      {
        name: 'negative delay',
        bundle: academyApp(
          `"communication": { "url": "/jobs/1", "repeat": { "condition": "{{body.status != 'done'}}", "delay": /*@notPositive*/ -500, "limit": 5 } }, "scope": ["read"]`,
        ),
      },
    ],
  },
});
