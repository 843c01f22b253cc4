/**
 * Issue 10 item 1: untrusted objects (an app's `temp`, an API response body, a custom function's
 * result) carrying `__proto__` / `constructor` / `prototype` keys must never reach
 * Object.prototype, and every later step keeps working.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { evaluateTemplate } from '../../generator/iml/index.ts';
import { assignOwn } from '../../generator/model/index.ts';
import { deepMerge } from '../../generator/simulate/deep-merge.ts';
import { type Scenario, simulateApp } from '../../generator/simulate/index.ts';
import { parseXml } from '../../generator/simulate/xml.ts';
import { type ComponentSpec, makeApp, type Stub, startStub } from '../simulate/helpers.ts';

let stub: Stub;
const POISON =
  '{"__proto__": {"toString": "x", "polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "ok": 1}';

beforeAll(async () => {
  stub = await startStub((r) => {
    if (r.path === '/poison') return { text: POISON, headers: { 'content-type': 'application/json' } };
    return { json: { id: 7, name: 'fine' } };
  });
});
afterAll(() => stub.close());

const PRISTINE = Object.getOwnPropertyNames(Object.prototype);
const originalToString = Object.prototype.toString;

function assertClean(): void {
  expect(Object.prototype.toString).toBe(originalToString);
  expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(PRISTINE);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.toString.call([])).toBe('[object Array]');
}
// A failing test must not take the next ones down with it: undo any pollution after checking.
afterEach(() => {
  try {
    assertClean();
  } finally {
    Object.defineProperty(Object.prototype, 'toString', {
      value: toString,
      writable: true,
      configurable: true,
      enumerable: false,
    });
    for (const k of Object.getOwnPropertyNames(Object.prototype))
      if (!PRISTINE.includes(k)) delete (Object.prototype as Record<string, unknown>)[k];
  }
});

async function run(
  modules: Record<string, ComponentSpec>,
  steps: Scenario['steps'],
  functions?: Record<string, ComponentSpec>,
) {
  const app = makeApp({
    base: { baseUrl: 'https://api.test' },
    modules,
    ...(functions ? { functions } : {}),
  });
  const rep = await simulateApp(app, {
    scenarios: [{ name: 't', steps }],
    embeddedApi: false,
    hostMap: { 'api.test': stub.url },
  });
  return rep.scenarios[0].steps;
}

const fine: ComponentSpec = {
  moduleType: 'action',
  codes: { communication: { url: '/fine', method: 'GET', response: { output: '{{body}}' } } },
};

describe('prototype pollution', () => {
  it('an app temp with __proto__', async () => {
    const steps = await run(
      {
        evil: {
          moduleType: 'action',
          codes: {
            communication: {
              temp: JSON.parse('{"__proto__": {"toString": "x", "polluted": "yes"}, "a": 1}'),
              url: '/fine',
              method: 'GET',
              response: { temp: JSON.parse('{"__proto__": {"polluted": "yes"}}'), output: '{{body}}' },
            },
          },
        },
        fine,
      },
      [{ run: { module: 'evil' } }, { run: { module: 'fine' } }],
    );
    assertClean();
    expect(steps[1]).toMatchObject({ status: 'pass', output: [{ id: 7, name: 'fine' }] });
  });

  it('an API response body with __proto__ read through temp: "{{body}}"', async () => {
    const steps = await run(
      {
        evil: {
          moduleType: 'action',
          codes: {
            communication: {
              url: '/poison',
              method: 'GET',
              response: { temp: '{{body}}', data: '{{body}}', output: '{{temp}}' },
            },
          },
        },
        fine,
      },
      [{ run: { module: 'evil' } }, { run: { module: 'fine' } }],
    );
    assertClean();
    expect(steps[0].status).toBe('pass');
    // the keys are kept as plain data
    const out = steps[0].output?.[0] as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(JSON.stringify(out)).toBe(JSON.stringify(JSON.parse(POISON)));
    expect(steps[1]).toMatchObject({ status: 'pass', output: [{ id: 7, name: 'fine' }] });
  });

  it('a custom function returning such an object', async () => {
    const steps = await run(
      {
        evil: {
          moduleType: 'action',
          codes: {
            communication: {
              temp: '{{poison()}}',
              url: '/fine',
              method: 'GET',
              response: { temp: '{{poison()}}', output: '{{merge(body; poison())}}' },
            },
          },
        },
        fine,
      },
      [{ run: { module: 'evil' } }, { run: { module: 'fine' } }],
      { poison: { codes: { code: `function poison() { return JSON.parse(${JSON.stringify(POISON)}); }` } } },
    );
    assertClean();
    expect(steps[1]).toMatchObject({ status: 'pass', output: [{ id: 7, name: 'fine' }] });
  });
});

describe('the copying and merging helpers keep prototype keys as data', () => {
  const poison = () => JSON.parse(POISON) as Record<string, unknown>;

  it('deepMerge (temp and data)', () => {
    const target: Record<string, unknown> = { ok: 0, nested: {} };
    deepMerge(target, poison());
    deepMerge(target, { nested: poison() });
    deepMerge(target, poison()); // a second merge meets the own __proto__ key and merges into it
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(Object.hasOwn(target, '__proto__')).toBe(true);
    expect(JSON.parse(JSON.stringify(target)).constructor).toEqual({ prototype: { polluted: 'yes' } });
  });

  it('assignOwn (module data, connection parameters)', () => {
    const target = assignOwn({}, poison());
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(Object.keys(target)).toEqual(['__proto__', 'constructor', 'ok']);
  });

  it('XML elements and attributes named like prototype keys', () => {
    const xml = parseXml(
      '<r __proto__="a"><__proto__>x</__proto__><constructor>y</constructor><prototype/></r>',
    );
    const r = (xml.r as Record<string, unknown>[])[0];
    expect(Object.keys(r).sort()).toEqual(['__proto__', '_attributes', 'constructor', 'prototype']);
    expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
  });

  it('IML paths read own keys only and compare such objects without calling their keys', () => {
    const o = poison();
    expect(evaluateTemplate('{{o.__proto__.toString}}', { o })).toBe('x');
    expect(evaluateTemplate('{{o.constructor.prototype.polluted}}', { o })).toBe('yes');
    expect(evaluateTemplate('{{x.constructor}}', { x: {} })).toBeUndefined();
    const withKeys = { toString: 'x', valueOf: 1 };
    expect(evaluateTemplate('{{o = 1}}', { o: withKeys })).toBe(false);
    expect(evaluateTemplate('{{o < 1}}', { o: withKeys })).toBe(false);
    expect(evaluateTemplate('{{o = "[object Object]"}}', { o: withKeys })).toBe(true);
  });
});
