import { describe, expect, it } from 'vitest';
import { evaluate } from '../../generator/iml/index.ts';
import type { ImlEnv } from '../../generator/simulate/iml.ts';
import { applySanitize, parseSanitizePath, REDACTED, SecretSet } from '../../generator/simulate/redact.ts';
import { type EpochChoice, newTriggerState, selectNewItems } from '../../generator/simulate/trigger.ts';

describe('log.sanitize paths', () => {
  it.each([
    ['request.headers.authorization', ['request', 'headers', 'authorization']],
    ['request.headers.`X-API-Key`', ['request', 'headers', 'X-API-Key']],
    ['response.body.`a.b`.c', ['response', 'body', 'a.b', 'c']],
  ])('%s splits into %j', (p, segs) => expect(parseSanitizePath(p)).toEqual(segs));

  it('redacts headers case-insensitively, body paths and the query', () => {
    const view = {
      request: {
        headers: { Authorization: 'Bearer t', 'X-Api-Key': 'k' },
        query: { token: 'q' },
        body: { client_secret: 's', keep: 1 },
      },
      response: { headers: {}, body: { access_token: 'a', nested: { refresh_token: 'r' } } },
    };
    applySanitize(view, [
      'request.headers.authorization',
      'request.headers.`x-api-key`',
      'request.qs.token',
      'request.body.client_secret',
      'response.body.access_token',
      'response.body.nested.refresh_token',
      'response.body.absent',
    ]);
    expect(view).toEqual({
      request: {
        headers: { Authorization: REDACTED, 'X-Api-Key': REDACTED },
        query: { token: REDACTED },
        body: { client_secret: REDACTED, keep: 1 },
      },
      response: { headers: {}, body: { access_token: REDACTED, nested: { refresh_token: REDACTED } } },
    });
  });
});

describe('SecretSet', () => {
  it('replaces known secrets anywhere, URL-encoded and Basic-encoded forms included', () => {
    const s = new SecretSet();
    s.add('cs_secret/value+1');
    s.add('short'); // too short to be a credential: ignored
    s.addBasicPair('client', 'cs_secret/value+1');
    const basic = Buffer.from('client:cs_secret/value+1').toString('base64');
    const out = s.redactDeep({
      a: 'x cs_secret/value+1 y',
      b: [`secret=${encodeURIComponent('cs_secret/value+1')}`],
      c: `Basic ${basic}`,
      d: 'short',
    });
    expect(out).toEqual({
      a: `x ${REDACTED} y`,
      b: [`secret=${REDACTED}`],
      c: `Basic ${REDACTED}`,
      d: 'short',
    });
  });
});

const iml: ImlEnv = { eval: (v, ctx) => evaluate(v, ctx, {}), dispose: () => {} };
const items = (list: { id: string; d?: string }[]) => list.map((x) => ({ item: x, output: x }));
const idTrigger = (order: string) => ({ type: 'id', order, id: '{{item.id}}' });
const dateTrigger = { type: 'date', order: 'desc', id: '{{item.id}}', date: '{{item.d}}' };

describe('polling trigger bookkeeping', () => {
  it.each<[string, unknown, { id: string; d?: string }[][], EpochChoice, number, string[][]]>([
    [
      'asc ids: each run emits only newer items',
      idTrigger('asc'),
      [
        [{ id: '1' }, { id: '2' }],
        [{ id: '1' }, { id: '2' }, { id: '3' }],
      ],
      'all',
      10,
      [['1', '2'], ['3']],
    ],
    [
      'desc ids come out oldest first',
      idTrigger('desc'),
      [[{ id: '3' }, { id: '2' }, { id: '1' }]],
      'all',
      10,
      [['1', '2', '3']],
    ],
    [
      'from now on: nothing on the first run',
      idTrigger('desc'),
      [
        [{ id: '2' }, { id: '1' }],
        [{ id: '3' }, { id: '2' }, { id: '1' }],
      ],
      'fromNow',
      10,
      [[], ['3']],
    ],
    [
      'limit leaves the rest for the next run',
      idTrigger('asc'),
      [
        [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
        [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      ],
      'all',
      2,
      [['a', 'b'], ['c']],
    ],
    [
      'unordered ids remembered by set',
      idTrigger('unordered'),
      [
        [{ id: 'x' }, { id: 'y' }],
        [{ id: 'z' }, { id: 'x' }, { id: 'y' }],
      ],
      'all',
      10,
      [['x', 'y'], ['z']],
    ],
    [
      'dates with same-date ids',
      dateTrigger,
      [
        [
          { id: 'b', d: '2026-01-01T10:00:00Z' },
          { id: 'a', d: '2026-01-01T09:00:00Z' },
        ],
        [
          { id: 'c', d: '2026-01-01T10:00:00Z' },
          { id: 'b', d: '2026-01-01T10:00:00Z' },
          { id: 'a', d: '2026-01-01T09:00:00Z' },
        ],
      ],
      'all',
      10,
      [['a', 'b'], ['c']],
    ],
    [
      'since a date',
      dateTrigger,
      [
        [
          { id: 'b', d: '2026-01-03T00:00:00Z' },
          { id: 'a', d: '2026-01-01T00:00:00Z' },
        ],
      ],
      { since: '2026-01-02' },
      10,
      [['b']],
    ],
    [
      'after a chosen id',
      idTrigger('asc'),
      [[{ id: '1' }, { id: '2' }, { id: '3' }]],
      { id: '1' },
      10,
      [['2', '3']],
    ],
  ])('%s', (_name, trigger, runs, epoch, limit, want) => {
    const state = newTriggerState();
    const got = runs.map((r) =>
      selectNewItems(iml, trigger, items(r), {}, state, limit, epoch, 3200).map(
        (x) => (x.item as { id: string }).id,
      ),
    );
    expect(got).toEqual(want);
  });

  it('needs response.trigger', () => {
    expect(() => selectNewItems(iml, undefined, [], {}, newTriggerState(), 1, 'all', 10)).toThrow(
      /response.trigger/,
    );
  });
});
