import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintApp } from '../../generator/validate/index.ts';
import { loadCase } from './case-app.ts';

/** JSON values biased towards what app documents hold: IML-ish strings, requests, parameter lists. */
const imlString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '{{',
    '}}',
    '{{body}}',
    '{{item.id}}',
    '{{temp.x}}',
    '{{parameters.a[0]}}',
    '{{foo(}}',
    '{{iml.x(1)}}',
    'rpc://x',
    'http://x',
    '{{...}}',
    '{{connection.accessToken}}',
  ),
  fc.tuple(fc.string(), fc.string()).map(([a, b]) => `${a}{{${b}}}`),
);
const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    imlString,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        fc.string(),
        fc.constantFrom(
          'url',
          'method',
          'response',
          'iterate',
          'temp',
          'data',
          'name',
          'type',
          'options',
          'default',
          'nested',
          'spec',
          'qs',
          'headers',
          'body',
          'pagination',
          'log',
          'sanitize',
          'authorize',
          'token',
          'refresh',
          '{{...}}',
        ),
      ),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value;

describe('lintApp on arbitrary documents', () => {
  it('never throws and no rule crashes, whatever the sections hold', () => {
    fc.assert(
      fc.property(
        json,
        json,
        json,
        json,
        json,
        fc.constantFrom('action', 'search', 'trigger', 'instant_trigger', 'universal', 'responder', 'bogus'),
        (base, comm, params, iface, conn, type) => {
          const bundle = {
            bundleVersion: 1,
            app: { name: 'fuzz' },
            general: { base, groups: params },
            components: {
              connection: {
                c: {
                  connectionType: 'oauth',
                  codes: { communication: conn, params, scopeList: iface, defaultScope: params },
                },
              },
              webhook: { w: { codes: { communication: comm, attach: conn } } },
              module: {
                m: {
                  moduleType: type,
                  connection: 'c',
                  webhook: 'w',
                  codes: {
                    communication: comm,
                    mappableParams: params,
                    interface: iface,
                    samples: iface,
                    scope: params,
                    epoch: conn,
                  },
                },
              },
              rpc: { r: { codes: { communication: comm, params } } },
              function: {},
            },
          };
          const r = lintApp(loadCase(JSON.stringify(bundle)));
          expect(r.diagnostics.filter((d) => d.ruleId === 'lint/rule-crashed')).toEqual([]);
          for (const d of r.diagnostics) {
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(d.column).toBeGreaterThanOrEqual(1);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
