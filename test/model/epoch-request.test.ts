import { describe, expect, it } from 'vitest';
import { epochRequest } from '../../generator/model/index.ts';

const trigger = {
  url: '/movies',
  method: 'GET',
  qs: { sort: 'new' },
  pagination: { qs: { page: '{{pagination.page}}' } },
  response: {
    iterate: '{{body.items}}',
    output: '{{item}}',
    trigger: { type: 'id', order: 'desc', id: '{{item.id}}' },
  },
};

describe("an epoch is merged over its trigger's request, as the panel sends it", () => {
  it('inherits what the epoch leaves out, keeps what it overrides, and drops response.trigger', () => {
    const e = epochRequest(trigger, {
      qs: { sort: 'old' },
      response: { output: { label: '{{item.name}}', date: '{{item.date}}' } },
    });
    expect(e?.request).toEqual({
      url: '/movies',
      method: 'GET',
      pagination: trigger.pagination,
      qs: { sort: 'old' },
      response: { iterate: '{{body.items}}', output: { label: '{{item.name}}', date: '{{item.date}}' } },
    });
    expect(e?.inherited).toEqual([['url'], ['method'], ['pagination'], ['response', 'iterate']]);
    expect(e?.index).toBeUndefined();
  });

  it('merges over the request that returns the items (the one with response.trigger) in a chain', () => {
    const chain = [trigger, { url: '/movies/{{temp.x}}/details', response: { output: '{{body}}' } }];
    const e = epochRequest(chain, {
      response: { output: { label: '{{item.name}}', date: '{{item.date}}' } },
    });
    expect(e?.index).toBe(0);
    expect(e?.request.url).toBe('/movies');
  });

  it('falls back to the last request when none has response.trigger', () => {
    const e = epochRequest([{ url: '/a' }, { url: '/b' }], {});
    expect(e).toEqual({ request: { url: '/b' }, index: 1, inherited: [['url']] });
  });

  it('keeps a `__proto__` key of the app as data, never as a prototype', () => {
    const epoch = JSON.parse('{"qs": {}, "__proto__": {"polluted": true}}');
    const e = epochRequest({ url: '/x' }, epoch);
    expect(Object.getPrototypeOf(e?.request)).toBe(Object.prototype);
    expect(Object.hasOwn(e!.request, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives nothing for an epoch that is not an object', () => {
    expect(epochRequest(trigger, 'x')).toBeUndefined();
    expect(epochRequest(trigger, [])).toBeUndefined();
  });
});
