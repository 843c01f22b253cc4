import { describe, expect, it } from 'vitest';
import { align, compareRuns } from '../../generator/diff/behaviour/compare-steps.ts';
import type { RequestRecord, SimulationReport, StepReport } from '../../generator/simulate/types.ts';

function req(method: string, url: string, extra: Partial<RequestRecord> = {}): RequestRecord {
  return {
    component: 'modules.x',
    pointer: 'modules.x.communication[0]',
    method,
    url,
    query: {},
    headers: {},
    status: 200,
    ...extra,
  };
}
function step(
  requests: RequestRecord[],
  output: unknown[] = [],
  extra: Partial<StepReport> = {},
): StepReport {
  return {
    index: 0,
    kind: 'run',
    label: 'run x',
    status: 'pass',
    failures: [],
    requests,
    output,
    clock: '2026-01-01T00:00:00Z',
    ...extra,
  };
}
function run(...steps: StepReport[]): SimulationReport {
  return {
    app: { root: '/x' },
    target: 'embedded',
    scenarios: [{ name: 's', status: 'pass', steps: steps.map((s, i) => ({ ...s, index: i })) }],
    summary: { scenarios: 1, steps: steps.length, passed: steps.length, failed: 0 },
  };
}

const API = 'https://app-academy.make.com/api/v2';

interface Row {
  name: string;
  refA: StepReport;
  refB: StepReport;
  theirs: StepReport;
  pass: boolean;
  /** Paths that must be reported (when failing) or masked (when passing). */
  paths?: string[];
  masked?: string[];
}

const ROWS: Row[] = [
  {
    name: 'a timestamp and a generated id that vary between reference runs are masked',
    refA: step(
      [req('POST', `${API}/movies`, { body: { name: 'A' } })],
      [{ id: 'aaa111', createdAt: '2026-01-01T09:00:00Z', name: 'A' }],
    ),
    refB: step(
      [req('POST', `${API}/movies`, { body: { name: 'A' } })],
      [{ id: 'bbb222', createdAt: '2026-07-15T17:31:07Z', name: 'A' }],
    ),
    theirs: step(
      [req('POST', `${API}/movies`, { body: { name: 'A' } })],
      [{ id: 'ccc333', createdAt: '2026-01-01T09:00:05Z', name: 'A' }],
    ),
    pass: true,
    masked: ['output[0].createdAt', 'output[0].id'],
  },
  {
    name: 'a field the reference always sends the same way is compared',
    refA: step([req('POST', `${API}/movies`, { body: { name: 'A' } })], [{ id: 'aaa111', name: 'A' }]),
    refB: step([req('POST', `${API}/movies`, { body: { name: 'A' } })], [{ id: 'bbb222', name: 'A' }]),
    theirs: step([req('POST', `${API}/movies`, { body: {} })], [{ id: 'ccc333', name: null }]),
    pass: false,
    paths: ['requests[0].body', 'output[0].name'],
  },
  {
    name: 'an extra request (a refresh before the call) is one difference, later requests still pair',
    refA: step([req('GET', `${API}/about`)]),
    refB: step([req('GET', `${API}/about`)]),
    theirs: step([req('POST', `${API}/refresh`), req('GET', `${API}/about`)]),
    pass: false,
    paths: ['requests.length', 'yours.requests[0]'],
  },
  {
    name: 'a missing page request is reported on the reference side',
    refA: step([
      req('GET', `${API}/movies`, { query: { page: '1' } }),
      req('GET', `${API}/movies`, { query: { page: '2' } }),
    ]),
    refB: step([
      req('GET', `${API}/movies`, { query: { page: '1' } }),
      req('GET', `${API}/movies`, { query: { page: '2' } }),
    ]),
    theirs: step([req('GET', `${API}/movies`, { query: { page: '1' } })]),
    pass: false,
    paths: ['requests.length', 'requests[1]'],
  },
  {
    name: 'an error only the student gets is reported',
    refA: step([req('GET', `${API}/about`)], [{ name: 'John' }]),
    refB: step([req('GET', `${API}/about`)], [{ name: 'John' }]),
    theirs: step([req('GET', `${API}/about`, { status: 401 })], [], {
      status: 'fail',
      error: { type: 'InvalidAccessTokenError', message: '[401] Missing access token' },
    }),
    pass: false,
    paths: ['error.type', 'requests[0].status', 'output.length'],
  },
  {
    name: 'multipart parts in another order and a wall-clock Date header are not differences',
    refA: step(
      [
        req('POST', `${API}/files/import`, {
          body: {
            multipart: [
              { name: 'name', value: 'a' },
              { name: 'file', filename: 'a' },
            ],
          },
        }),
      ],
      [{ headers: { date: 'Mon, 01 Jan 2026 09:00:00 GMT' }, statusCode: 200 }],
    ),
    refB: step(
      [
        req('POST', `${API}/files/import`, {
          body: {
            multipart: [
              { name: 'name', value: 'a' },
              { name: 'file', filename: 'a' },
            ],
          },
        }),
      ],
      [{ headers: { date: 'Mon, 01 Jan 2026 09:00:00 GMT' }, statusCode: 200 }],
    ),
    theirs: step(
      [
        req('POST', `${API}/files/import`, {
          body: {
            multipart: [
              { name: 'file', filename: 'a' },
              { name: 'name', value: 'a' },
            ],
          },
        }),
      ],
      [{ headers: { date: 'Mon, 01 Jan 2026 09:00:01 GMT' }, statusCode: 200 }],
    ),
    pass: true,
  },
  {
    name: 'a request to a generated URL pairs with the reference one and its URL is masked',
    refA: step([req('POST', 'http://receiver.invalid/hook/movieEvents-65n')]),
    refB: step([req('POST', 'http://receiver.invalid/hook/movieEvents-66a')]),
    theirs: step([req('POST', 'http://receiver.invalid/hook/movieEvents-67q')]),
    pass: true,
    masked: ['requests[0].url'],
  },
];

describe('step comparison with noise masking', () => {
  it.each(ROWS)('$name', (row) => {
    const [s] = compareRuns(run(row.refA), run(row.refB), run(row.theirs));
    expect(s.pass, JSON.stringify(s.differences)).toBe(row.pass);
    const found = s.differences.map((d) => d.path);
    for (const p of row.paths ?? []) expect(found).toContain(p);
    for (const p of row.masked ?? []) expect(s.masked).toContain(p);
    expect(s.distance).toBe(row.pass ? 0 : s.distance);
    if (!row.pass) expect(s.distance).toBeGreaterThan(0);
  });

  it('a step the student never reached is a difference', () => {
    const steps = compareRuns(run(step([]), step([])), run(step([]), step([])), run(step([])));
    expect(steps).toHaveLength(2);
    expect(steps[1].pass).toBe(false);
    expect(steps[1].theirs.error).toBe('step not run');
  });

  it.each([
    [
      ['a', 'b', 'c'],
      ['a', 'x', 'b', 'c'],
      [
        [0, 0],
        [1, 2],
        [2, 3],
      ],
    ],
    [['a', 'b'], ['b'], [[1, 0]]],
    [[], ['a'], []],
  ] as [string[], string[], [number, number][]][])('align(%j, %j) pairs %j', (a, b, pairs) => {
    expect(align(a, b)).toEqual(pairs);
  });
});
