import { describe, expect, it } from 'vitest';
import { joinUrl } from '../../generator/model/join-url.ts';
import { mergeBase } from '../../generator/simulate/base-merge.ts';
import { buildRequest, titleCaseHeader } from '../../generator/simulate/request-builder.ts';
import { DEFAULT_SETTINGS } from '../../generator/simulate/settings.ts';

const req = (over: Partial<Parameters<typeof buildRequest>[0]>) =>
  buildRequest(
    {
      url: 'https://api.test/x',
      method: 'GET',
      headers: {},
      qs: undefined,
      body: undefined,
      type: 'json',
      encodeUrl: true,
      ...over,
    },
    { qsReplacesUrlQuery: false, boundarySeed: 1 },
  );

describe('joinUrl joins relative URLs to baseUrl with one slash', () => {
  it.each([
    ['https://a.test/api/v2', '/movies', 'https://a.test/api/v2/movies'],
    ['https://a.test/api/v2/', 'movies', 'https://a.test/api/v2/movies'],
    ['https://a.test/api/v2/', '//movies//1', 'https://a.test/api/v2/movies/1'],
    ['https://a.test/api/v2', 'https://other.test/x', 'https://other.test/x'],
    [undefined, 'https://other.test//x?a=//b', 'https://other.test/x?a=//b'],
    ['https://a.test/api', '/movies/', 'https://a.test/api/movies/'],
    // The differ joins unevaluated templates: slashes inside an IML string are the author's.
    [
      'https://a.test/api',
      '/x//{{replace(a; "//"; "/")}}//y',
      'https://a.test/api/x/{{replace(a; "//"; "/")}}/y',
    ],
  ])('%s + %s → %s', (base, url, want) => {
    expect(joinUrl(base, url)).toBe(want);
  });

  it('is one pass over a hostile template (a million unclosed `{{` once took minutes)', () => {
    const url = `/a//${'{{'.repeat(1_000_000)}`;
    expect(joinUrl('https://a.test', url)).toBe(`https://a.test/a/${'{{'.repeat(1_000_000)}`);
  });
});

describe('titleCaseHeader sends header names the way Make does', () => {
  it.each([
    ['content-type', 'Content-Type'],
    ['tESt-wiTh-dAsh', 'Test-With-Dash'],
    ['authorization', 'Authorization'],
    ['x-api-key', 'X-Api-Key'],
  ])('%s → %s', (a, b) => expect(titleCaseHeader(a)).toBe(b));
});

describe('buildRequest', () => {
  it('repeats array query values and drops undefined ones', () => {
    expect(req({ qs: { list: ['a', 'b'], gone: undefined, n: 3, empty: null } }).url).toBe(
      'https://api.test/x?list=a&list=b&n=3&empty=',
    );
  });
  it('keeps a query written in the url and appends qs', () => {
    expect(req({ url: 'https://api.test/x?a=1', qs: { b: '2' } }).url).toBe('https://api.test/x?a=1&b=2');
  });
  it('drops the query written in the url when qs is given and the setting says so', () => {
    const r = buildRequest(
      {
        url: 'https://api.test/x?a=1',
        method: 'GET',
        headers: {},
        qs: { b: '2' },
        body: undefined,
        type: 'json',
        encodeUrl: true,
      },
      { qsReplacesUrlQuery: true, boundarySeed: 1 },
    );
    expect(r.url).toBe('https://api.test/x?b=2');
  });
  it('encodes the path when encodeUrl is true and leaves it alone when false', () => {
    expect(req({ url: 'https://api.test/a b/%2F' }).url).toBe('https://api.test/a%20b/%252F');
    expect(req({ url: 'https://api.test/a%20b/%2F', encodeUrl: false }).url).toBe(
      'https://api.test/a%20b/%2F',
    );
  });
  it('sends no body for GET', () => {
    const r = req({ body: { a: 1 } });
    expect(r.body).toBeUndefined();
    expect(r.headers['Content-Type']).toBeUndefined();
  });
  it.each([
    ['json', { a: 1, gone: undefined, nil: null }, 'application/json', '{"a":1,"nil":null}'],
    [
      'urlencoded',
      { a: 'x y', nil: null, list: [1, 2] },
      'application/x-www-form-urlencoded',
      'a=x+y&list=1&list=2',
    ],
    ['text', 'plain <xml/>', 'text/plain', 'plain <xml/>'],
    ['raw', 42, 'text/plain', '42'],
  ])('encodes a %s body', (type, body, mime, text) => {
    const r = req({ method: 'POST', type, body });
    expect(r.headers['Content-Type']).toBe(mime);
    expect(r.body?.toString('utf8')).toBe(text);
  });
  it('builds multipart with file parts and a deterministic boundary', () => {
    const r = req({
      method: 'POST',
      type: 'multipart/form-data',
      body: {
        name: 'n.txt',
        skip: null,
        file: { value: 'hello', options: { filename: 'n.txt', contentType: 'text/plain' } },
      },
    });
    const text = r.body!.toString('utf8');
    expect(r.headers['Content-Type']).toBe('multipart/form-data; boundary=----MakeAppSimulator00000001');
    expect(text).toContain(
      'Content-Disposition: form-data; name="file"; filename="n.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n',
    );
    expect(text).not.toContain('skip');
    expect(r.recordedBody).toEqual({
      multipart: [
        { name: 'name', value: 'n.txt' },
        { name: 'file', filename: 'n.txt', contentType: 'text/plain', size: 5 },
      ],
    });
  });
  it('keeps an explicit Content-Type', () => {
    expect(
      req({ method: 'POST', body: { a: 1 }, headers: { 'content-type': 'application/vnd.x+json' } }).headers,
    ).toEqual({
      'Content-Type': 'application/vnd.x+json',
    });
  });
  it('refuses an unknown method with a Make error', () => {
    expect(() => req({ method: 'FETCH' })).toThrow(/Unsupported HTTP method/);
  });
});

describe('mergeBase', () => {
  const s = DEFAULT_SETTINGS;
  it('merges headers key by key, module keys winning regardless of case', () => {
    const m = mergeBase(
      { headers: { authorization: 'Bearer x', 'x-a': '1' } },
      { headers: { Authorization: 'Basic y', 'x-b': '2' } },
      s,
    );
    expect(m.headers).toEqual({ 'x-a': '1', Authorization: 'Basic y', 'x-b': '2' });
  });
  it('lets an IML string replace the base headers', () => {
    expect(mergeBase({ headers: { a: '1' } }, { headers: '{{fn()}}' }, s).headers).toBe('{{fn()}}');
  });
  it('replaces headers wholesale when the setting says so', () => {
    expect(
      mergeBase({ headers: { a: '1' } }, { headers: { b: '2' } }, { mergeBaseHeadersAndQs: false }).headers,
    ).toEqual({ b: '2' });
  });
  it('merges response directives and unites log.sanitize', () => {
    const m = mergeBase(
      { response: { error: 'E' }, log: { sanitize: ['request.headers.authorization'] } },
      { response: { output: '{{body}}' }, log: { sanitize: ['request.body.secret'] } },
      s,
    );
    expect(m.response).toEqual({ error: 'E', output: '{{body}}' });
    expect(m.log).toEqual({ sanitize: ['request.headers.authorization', 'request.body.secret'] });
  });
});
