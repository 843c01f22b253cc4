/**
 * Communication semantics against a stub API over real loopback HTTP: pagination, repeat,
 * conditions, chains sharing temp, request-less modules, iterate/output/wrapper/limit, error
 * mapping, redirects, request caps and the host mapping.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Scenario, type SimulateOptions, simulateApp } from '../../generator/simulate/index.ts';
import { type ComponentSpec, makeApp, type Stub, type StubReply, startStub } from './helpers.ts';

let stub: Stub;
const items = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, name: `item ${i + 1}` }));

beforeAll(async () => {
  stub = await startStub((r): StubReply => {
    const page = Number(r.query.page ?? 1);
    switch (r.path) {
      case '/items':
        return { json: { items: items.slice((page - 1) * 5, page * 5), page, totalPages: 3 } };
      case '/empty':
        return { json: { items: [] } };
      case '/job':
        // done after the third poll
        return {
          json: { status: stub.seen.filter((s) => s.path === '/job').length >= 3 ? 'done' : 'running' },
        };
      case '/echo':
        return {
          json: { method: r.method, query: r.query, body: r.body, auth: r.headers.authorization ?? null },
        };
      case '/moved':
        return { status: 302, headers: { location: '/echo?from=moved' } };
      case '/fail':
        return { status: Number(r.query.status ?? 500), json: { error: { message: 'nope' } } };
      case '/deep':
        return {
          text: `${'['.repeat(Number(r.query.n))}1${']'.repeat(Number(r.query.n))}`,
          headers: { 'content-type': 'application/json' },
        };
      case '/slow':
        return { json: { late: true }, delayMs: 400 };
      case '/invalid':
        return { json: { ok: false } };
      default:
        return { status: 404, json: { error: { message: `no ${r.path}` } } };
    }
  });
});
afterAll(() => stub.close());

async function run(
  module: ComponentSpec,
  steps: Scenario['steps'],
  extra: Partial<SimulateOptions> & { base?: unknown; parts?: Parameters<typeof makeApp>[0] } = {},
) {
  const app = makeApp({
    base: extra.base ?? { baseUrl: 'https://api.test' },
    modules: { m: module },
    ...(extra.parts ?? {}),
  });
  if (extra.parts?.modules)
    Object.assign(app.components.module, makeApp({ modules: extra.parts.modules }).components.module);
  stub.seen.length = 0;
  const rep = await simulateApp(app, {
    scenarios: [{ name: 't', steps }],
    embeddedApi: false,
    hostMap: { 'api.test': stub.url },
    ...extra,
  });
  return rep.scenarios[0].steps;
}

const search = (communication: unknown): ComponentSpec => ({
  moduleType: 'search',
  codes: { communication },
});
const action = (communication: unknown): ComponentSpec => ({
  moduleType: 'action',
  codes: { communication },
});

describe('pagination', () => {
  const pag = (condition: string) =>
    search({
      url: '/items',
      pagination: { qs: { page: '{{pagination.page}}' }, condition },
      response: { iterate: '{{body.items}}', limit: '{{parameters.limit}}' },
    });

  it('fetches every page while `total >= pagination.page` (condition checked with N, then N+1)', async () => {
    const [s] = await run(pag('{{body.totalPages >= pagination.page}}'), [
      { run: { module: 'm', parameters: { limit: 100 } } },
    ]);
    expect(s.error).toBeUndefined();
    expect(stub.seen.map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3']);
    expect(s.output).toHaveLength(12);
  });
  it('drops the last page with `total > pagination.page`, as Make does', async () => {
    await run(pag('{{body.totalPages > pagination.page}}'), [
      { run: { module: 'm', parameters: { limit: 100 } } },
    ]);
    expect(stub.seen.map((r) => r.query.page ?? '1')).toEqual(['1', '2']);
  });
  it('fetches all pages with the double check switched off', async () => {
    await run(
      pag('{{body.totalPages > pagination.page}}'),
      [{ run: { module: 'm', parameters: { limit: 100 } } }],
      {
        settings: { paginationDoubleCheck: false },
      },
    );
    expect(stub.seen.map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3']);
  });
  it('stops as soon as the limit is reached and slices to it', async () => {
    const [s] = await run(pag('{{body.page < body.totalPages}}'), [
      { run: { module: 'm', parameters: { limit: 7 } } },
    ]);
    expect(stub.seen).toHaveLength(2);
    expect(s.output).toHaveLength(7);
  });
  it('with mergeWithParent false sends only the pagination qs', async () => {
    await run(
      search({
        url: '/items',
        qs: { keep: 'me' },
        pagination: {
          mergeWithParent: false,
          qs: { page: '{{pagination.page}}' },
          condition: '{{body.page < body.totalPages}}',
        },
        response: { iterate: '{{body.items}}' },
      }),
      [{ run: { module: 'm' } }],
    );
    expect(stub.seen.map((r) => r.query)).toEqual([{ keep: 'me' }, { page: '2' }, { page: '3' }]);
  });
  it('stops after an empty page', async () => {
    const [s] = await run(
      search({ url: '/empty', pagination: { condition: true }, response: { iterate: '{{body.items}}' } }),
      [{ run: { module: 'm' } }],
    );
    expect(stub.seen).toHaveLength(1);
    expect(s.output).toEqual([]);
  });
  it('never exceeds the pagination cap', async () => {
    const [s] = await run(
      search({ url: '/echo', pagination: { condition: true }, response: { output: '{{body.method}}' } }),
      [{ run: { module: 'm' } }],
      { settings: { maxPaginationRequests: 4 } },
    );
    expect(stub.seen).toHaveLength(5);
    expect(s.output).toHaveLength(5);
  });
  // https://developers.make.com/custom-apps-documentation/component-blocks/api/pagination.md (limits table)
  it('a search stops at the paginated-record cap as well as the request cap', async () => {
    const [s] = await run(
      search({
        url: '/items',
        qs: { page: '{{pagination.page}}' },
        pagination: { condition: true },
        response: { iterate: '{{body.items}}' },
      }),
      [{ run: { module: 'm' } }],
      { settings: { maxPastRecords: 7 } },
    );
    expect(stub.seen).toHaveLength(2);
    expect(s.output).toHaveLength(7);
  });
});

describe('request directives', () => {
  it('repeat re-sends until the condition (on temp) is false, advancing the fake clock by the delay', async () => {
    const [s] = await run(
      action({
        url: '/job',
        repeat: { condition: "{{temp.status != 'done'}}", delay: 60000, limit: 10 },
        response: { temp: { status: '{{body.status}}' }, output: { status: '{{body.status}}' } },
      }),
      [{ run: { module: 'm' } }, { advance: '1s' }],
    );
    expect(stub.seen.filter((r) => r.path === '/job')).toHaveLength(3);
    expect(s.output).toEqual([{ status: 'done' }]);
  });
  it('chains requests sharing temp; only the last output counts', async () => {
    const [s] = await run(
      action([
        { url: '/echo', qs: { step: 1 }, response: { temp: { first: '{{body.query.step}}' }, output: null } },
        {
          temp: { extra: 'x' },
          url: '/echo',
          qs: { prev: '{{temp.first}}{{temp.extra}}' },
          response: { output: { got: '{{body.query.prev}}' } },
        },
      ]),
      [{ run: { module: 'm' } }],
    );
    expect(s.output).toEqual([{ got: '1x' }]);
    expect(s.requests.map((r) => r.pointer)).toEqual([
      'modules.m.communication[0]',
      'modules.m.communication[1]',
    ]);
  });
  it('skips a request whose condition is false and outputs its default', async () => {
    const [s] = await run(
      action({ condition: { condition: '{{parameters.go}}', default: { skipped: true } }, url: '/echo' }),
      [{ run: { module: 'm', parameters: { go: false } } }],
    );
    expect(stub.seen).toHaveLength(0);
    expect(s.output).toEqual([{ skipped: true }]);
  });
  it('runs a request-less module without any HTTP call', async () => {
    const [s] = await run(action({ response: { output: { sum: '{{1 + parameters.n}}' } } }), [
      { run: { module: 'm', parameters: { n: 2 } } },
    ]);
    expect(s.requests).toEqual([]);
    expect(s.output).toEqual([{ sum: 3 }]);
  });
  it('filters with iterate.condition, shapes with output and wraps once', async () => {
    const [s] = await run(
      search({
        url: '/items',
        response: {
          iterate: { container: '{{body.items}}', condition: '{{item.id > 2}}' },
          output: { n: '{{item.id}}' },
          wrapper: { all: '{{output}}', count: '{{length(output)}}' },
        },
      }),
      [{ run: { module: 'm' } }],
    );
    expect(s.output).toEqual([{ all: [{ n: 3 }, { n: 4 }, { n: 5 }], count: 3 }]);
  });
  // model/bare-iml.ts: iterate and its container are IML even without braces; output is text
  it.each([
    ['iterate as a bare path', { iterate: 'body.items' }, 5, undefined],
    ['container as a bare expression', { iterate: { container: 'slice(body.items, 0, 2)' } }, 2, undefined],
    ['output without braces stays text', { iterate: 'body.items', output: 'item.name' }, 5, 'item.name'],
  ])('%s', async (_, response, count, each) => {
    const [s] = await run(search({ url: '/items', response }), [{ run: { module: 'm' } }]);
    expect(s.error).toBeUndefined();
    expect(s.output).toHaveLength(count);
    if (each !== undefined) expect(new Set(s.output)).toEqual(new Set([each]));
  });
  it('merges base headers and follows redirects for GET', async () => {
    const [s] = await run(action({ url: '/moved', headers: { 'x-mod': '1' } }), [{ run: { module: 'm' } }], {
      base: { baseUrl: 'https://api.test', headers: { authorization: 'Bearer base' } },
    });
    expect(s.requests.map((r) => [r.url, r.status])).toEqual([
      ['https://api.test/moved', 302],
      ['https://api.test/echo', 200],
    ]);
    expect(s.output).toEqual([{ method: 'GET', query: { from: 'moved' }, body: '', auth: 'Bearer base' }]);
  });
  it('rejects an array output from an action', async () => {
    const [s] = await run(action({ response: { output: '{{split("a,b", ",")}}' } }), [
      { run: { module: 'm' } },
    ]);
    expect(s.error).toEqual({
      type: 'DataError',
      message: 'Invalid module output. Expected Object, but found Array.',
    });
  });
});

describe('errors', () => {
  it.each([
    [404, undefined, { type: 'RuntimeError', message: 'Status Code Error: 404', statusCode: 404 }],
    [
      429,
      undefined,
      { type: 'RateLimitError', message: 'Third party API limit likely exceeded', statusCode: 429 },
    ],
    [
      502,
      undefined,
      { type: 'ConnectionError', message: 'Service is temporarily unavailable.', statusCode: 502 },
    ],
    [
      400,
      { message: '[{{statusCode}}] {{body.error.message}}', type: 'DataError' },
      { type: 'DataError', message: '[400] nope', statusCode: 400 },
    ],
  ])('status %i with error %j', async (status, error, want) => {
    const [s] = await run(action({ url: '/fail', qs: { status }, response: error ? { error } : {} }), [
      { run: { module: 'm' } },
    ]);
    expect(s.status).toBe('fail');
    expect(s.error).toEqual(want);
  });
  it('valid false becomes an error with its message', async () => {
    const [s] = await run(
      action({
        url: '/invalid',
        response: { valid: { condition: '{{body.ok}}', message: 'not ok', type: 'DataError' } },
      }),
      [{ run: { module: 'm' } }],
    );
    expect(s.error).toEqual({ type: 'DataError', message: 'not ok', statusCode: 200 });
  });
  it('an unmapped host is a clear ConnectionError, not a crash', async () => {
    const [s] = await run(action({ url: 'https://elsewhere.example/x' }), [{ run: { module: 'm' } }]);
    expect(s.error?.type).toBe('ConnectionError');
    expect(s.error?.message).toMatch(/elsewhere\.example is not mapped/);
    expect(stub.seen).toHaveLength(0);
  });
  it('the request cap stops a runaway chain', async () => {
    const [s] = await run(
      action({ url: '/echo', repeat: { condition: true, limit: 50 } }),
      [{ run: { module: 'm' } }],
      {
        settings: { maxRequestsPerExecution: 5 },
      },
    );
    expect(s.error?.message).toMatch(/more than 5 requests/);
    expect(stub.seen).toHaveLength(5);
  });
  it('an IML error in the app is reported as a step error', async () => {
    const [s] = await run(action({ url: '/echo', qs: { a: '{{unknownFn(1)}}' } }), [
      { run: { module: 'm' } },
    ]);
    expect(s.status).toBe('fail');
    expect(s.error?.message).toMatch(/unknownFn/);
  });
});

describe('module types and limits', () => {
  it('a responder outputs the reply it would send', async () => {
    const [s] = await run(
      {
        moduleType: 'responder',
        codes: { communication: { response: { status: '{{parameters.code}}', body: { ok: true } } } },
      },
      [{ run: { module: 'm', parameters: { code: 201 } } }],
    );
    expect(s.output).toEqual([{ status: 201, headers: {}, body: { ok: true } }]);
  });
  it('an instant trigger with its own request runs once per payload bundle', async () => {
    const [s] = await run(
      {
        moduleType: 'instant_trigger',
        codes: {
          communication: {
            url: '/echo',
            qs: { id: '{{payload.id}}' },
            response: { output: { got: '{{body.query.id}}' } },
          },
        },
      },
      [{ run: { module: 'm', payload: { id: 42 } } }],
    );
    expect(s.output).toEqual([{ got: '42' }]);
  });
  it('an instant trigger cannot be run without a webhook or payload', async () => {
    const [s] = await run({ moduleType: 'instant_trigger', codes: {} }, [{ run: { module: 'm' } }]);
    expect(s.error?.message).toMatch(/instant trigger/);
  });
  it("the app's custom IML functions are callable", async () => {
    const [s] = await run(
      action({ response: { output: { v: '{{double(parameters.n)}}' } } }),
      [{ run: { module: 'm', parameters: { n: 21 } } }],
      {
        parts: { functions: { double: { codes: { code: 'function double(x) { return x * 2; }' } } } },
      },
    );
    expect(s.error).toBeUndefined();
    expect(s.output).toEqual([{ v: 42 }]);
  });
  it('a slow request hits the request timeout as a ConnectionError', async () => {
    const [s] = await run(action({ url: '/slow' }), [{ run: { module: 'm' } }], {
      settings: { requestTimeoutMs: 100 },
    });
    expect(s.error?.type).toBe('ConnectionError');
    expect(s.error?.message).toMatch(/timed out after 100 ms/);
  });
  it('a slow execution hits the module time limit', async () => {
    const [s] = await run(action({ url: '/slow' }), [{ run: { module: 'm' } }], {
      settings: { executionTimeoutMs: 100 },
    });
    expect(s.error).toEqual({ type: 'ModuleTimeoutError', message: 'Execution took longer than 100 ms' });
  });
  it.each([
    ['loose', true],
    ['strict', false],
  ] as const)('IML equality follows the %s setting', async (equality, want) => {
    const [s] = await run(
      action({ response: { output: { same: "{{'1' = 1}}" } } }),
      [{ run: { module: 'm' } }],
      { equality },
    );
    expect(s.output).toEqual([{ same: want }]);
  });
  it('a required parameter without a value stops the module before any request', async () => {
    const mod: ComponentSpec = {
      moduleType: 'action',
      codes: {
        communication: { url: '/echo' },
        mappableParams: [
          { name: 'id', type: 'text', required: true },
          { name: 'n', type: 'number', required: true, default: 1 },
        ],
      },
    };
    const [s] = await run(mod, [{ run: { module: 'm', parameters: { id: '' } } }]);
    expect(s.error).toEqual({
      type: 'DataError',
      message: "Validation failed for 1 parameter(s). Missing value of required parameter 'id'.",
    });
    expect(stub.seen).toHaveLength(0);
  });
  it.each([1000, 20000, 200000])('a response nested %i levels deep never crashes the run', async (n) => {
    const [s] = await run(
      action({ url: '/deep', qs: { n }, response: { output: { ok: true } } }),
      [{ run: { module: 'm' } }],
      {
        har: join(tmpdir(), `sim-deep-${n}.har`),
      },
    );
    expect(['pass', 'fail']).toContain(s.status);
    expect(s.requests).toHaveLength(1);
  });
  it('an unknown module is a scenario error naming the known ones', async () => {
    const [s] = await run(action({ url: '/echo' }), [{ run: { module: 'nope' } }]);
    expect(s.error).toEqual({ type: 'ScenarioError', message: 'the app has no module "nope" (known: m)' });
  });
});
