/** Deep evaluation of app documents: nested objects/arrays, the spread key, IML keys, caching, options. */
import { describe, expect, it } from 'vitest';
import { compileTemplate, evaluate, evaluateTemplate, ImlEvalError } from '../../generator/iml/index.ts';

const ctx = {
  parameters: { id: 7, name: 'Ada', extra: { a: 1, name: 'from spread' }, key: 'dyn' },
  connection: { accessToken: 't' },
};

describe('evaluate (deep)', () => {
  it('evaluates every string of nested objects and arrays and keeps non-strings as they are', () => {
    const out = evaluate(
      {
        url: '/m/{{parameters.id}}',
        qs: { limit: 10, on: true, id: '{{parameters.id}}' },
        list: ['{{parameters.name}}', null, 3],
      },
      ctx,
    );
    expect(out).toEqual({ url: '/m/7', qs: { limit: 10, on: true, id: 7 }, list: ['Ada', null, 3] });
  });

  it('merges the spread key into its parent, explicit keys winning wherever they stand', () => {
    expect(evaluate({ '{{...}}': '{{parameters.extra}}', name: 'explicit' }, ctx)).toEqual({
      a: 1,
      name: 'explicit',
    });
    expect(evaluate({ name: 'explicit', '{{...}}': '{{parameters.extra}}' }, ctx)).toEqual({
      name: 'explicit',
      a: 1,
    });
  });

  it('ignores a spread of something that is not an object (unconfirmed: chosen)', () => {
    expect(evaluate({ '{{...}}': '{{parameters.missing}}', x: 1 }, ctx)).toEqual({ x: 1 });
    expect(evaluate({ '{{...}}': '{{parameters.name}}', x: 1 }, ctx)).toEqual({ x: 1 });
  });

  it('evaluates IML in object keys (unconfirmed in Make; a corpus app everyrow-make uses it)', () => {
    expect(evaluate({ '{{parameters.key}}': '{{parameters.id}}' }, ctx)).toEqual({ dyn: 7 });
  });

  it('never lets a __proto__ key change the result prototype', () => {
    const out = evaluate(JSON.parse('{"__proto__": {"polluted": true}, "a": 1}'), ctx) as Record<
      string,
      unknown
    >;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect((out as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.keys(out)).toContain('__proto__');
  });

  it('keeps undefined values so the request builder can drop them', () => {
    expect(evaluate({ a: '{{undefined}}', b: '{{erase}}' }, ctx)).toEqual({ a: undefined, b: null });
  });

  it('answers absurdly deep values with a typed error', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 5000; i++) deep = { d: deep };
    expect(() => evaluate(deep, ctx)).toThrow(ImlEvalError);
  });
});

describe('compileTemplate', () => {
  it('compiles each distinct source once and reuses it', () => {
    const a = compileTemplate('{{parameters.id + 1}}');
    expect(compileTemplate('{{parameters.id + 1}}')).toBe(a);
    expect(a.single).toBe(true);
    expect(a.evaluate(ctx)).toBe(8);
  });
});

describe('evaluation options', () => {
  it('takes now and the zone from the options', () => {
    const now = () => new Date('2026-06-01T00:00:00Z');
    expect(
      evaluateTemplate("{{formatDate(now, 'YYYY-MM-DD HH:mm')}}", {}, { now, timezone: 'Asia/Tokyo' }),
    ).toBe('2026-06-01 09:00');
    expect(evaluateTemplate('{{timestamp}}', {}, { now })).toBe(1780272000);
  });

  it('makes uuid and random reproducible with a seeded source', () => {
    const seeded = () => {
      let s = 1;
      return () => {
        s = (s * 48271) % 2147483647;
        return s / 2147483647;
      };
    };
    const a = evaluateTemplate('{{uuid}}', {}, { random: seeded() });
    expect(evaluateTemplate('{{uuid}}', {}, { random: seeded() })).toBe(a);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('compares loosely by default and strictly on request', () => {
    expect(evaluateTemplate("{{1 = '1'}}", {})).toBe(true);
    expect(evaluateTemplate("{{1 = '1'}}", {}, { equality: 'strict' })).toBe(false);
  });
});
