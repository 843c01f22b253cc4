import { describe, expect, it } from 'vitest';
import { evaluate } from '../../generator/iml/index.ts';
import {
  defaultErrorMessage,
  defaultErrorType,
  httpError,
  invalidError,
  parseBody,
  typeForStatus,
} from '../../generator/simulate/response.ts';

const ev = (v: unknown, ctx: Record<string, unknown>) => evaluate(v, ctx, {});

describe("Make's default error for a status", () => {
  it.each([
    [400, 'Status Code Error: 400', 'RuntimeError'],
    [404, 'Status Code Error: 404', 'RuntimeError'],
    [429, 'Third party API limit likely exceeded', 'RateLimitError'],
    [500, 'Service is temporarily unavailable.', 'ConnectionError'],
    [503, 'Service is temporarily unavailable.', 'ConnectionError'],
  ])('%i → %s (%s)', (status, message, type) => {
    expect(defaultErrorMessage(status)).toBe(message);
    expect(defaultErrorType(status)).toBe(type);
    expect(httpError(undefined, status, {}, ev).toInfo()).toEqual({ type, message, statusCode: status });
  });
});

describe('the error directive', () => {
  const spec = {
    message: 'generic {{statusCode}}',
    type: 'DataError',
    '404': { message: 'missing {{body.id}}' },
  };
  it.each([
    [404, { id: 'x' }, 'missing x', 'DataError'],
    [400, {}, 'generic 400', 'DataError'],
  ])('status %i', (status, body, message, type) => {
    const e = httpError(spec, status, { statusCode: status, body }, ev);
    expect([e.message, e.type]).toEqual([message, type]);
  });
  it('accepts a plain string message', () => {
    expect(httpError('oops {{statusCode}}', 418, { statusCode: 418 }, ev).message).toBe('oops 418');
  });
});

describe('valid: message and type precedence', () => {
  it.each([
    [{ condition: false, message: 'V', type: 'DataError' }, { message: 'E' }, 'V', 'DataError'],
    [
      false,
      { '200': { message: 'S200', type: 'InvalidAccessTokenError' }, message: 'E' },
      'S200',
      'InvalidAccessTokenError',
    ],
    [false, { message: 'E' }, 'E', 'RuntimeError'],
    [false, undefined, 'Response marked as invalid.', 'RuntimeError'],
  ])('%j with error %j → %s', (valid, error, message, type) => {
    const e = invalidError(valid, error, 200, { statusCode: 200 }, ev);
    expect([e.message, e.type]).toEqual([message, type]);
  });
});

describe('typeForStatus picks the smallest matching range', () => {
  const t = { '*': 'json', '400-499': 'text', '404': 'binary' };
  it.each([
    [200, 'json'],
    [401, 'text'],
    [404, 'binary'],
  ])('%i → %s', (s, want) => expect(typeForStatus(t, s)).toBe(want));
});

describe('parseBody', () => {
  const json = { 'content-type': 'application/json; charset=utf-8' };
  it.each([
    ['automatic', json, '{"a":1}', { a: 1 }],
    ['automatic', { 'content-type': 'text/plain' }, 'hi', 'hi'],
    ['automatic', { 'content-type': 'application/x-www-form-urlencoded' }, 'a=1&b=x+y', { a: '1', b: 'x y' }],
    ['text', json, '{"a":1}', '{"a":1}'],
    ['json', {}, '[1,2]', [1, 2]],
  ])('%s %j', (type, headers, raw, want) => {
    expect(parseBody(type, headers, Buffer.from(raw))).toEqual(want);
  });
  it('returns bytes for unknown content types and for binary', () => {
    expect(
      Buffer.isBuffer(parseBody('automatic', { 'content-type': 'image/png' }, Buffer.from([1, 2]))),
    ).toBe(true);
    expect(Buffer.isBuffer(parseBody('binary', json, Buffer.from('{}')))).toBe(true);
  });
  it('fails with a Make error when json is declared but the body is not JSON', () => {
    expect(() => parseBody('json', {}, Buffer.from('<html>'))).toThrow(/parse the response as JSON/);
  });
});

describe('XML bodies as Make exposes them', () => {
  const xml = (t: string) => parseBody('xml', {}, Buffer.from(t));
  it.each([
    ['<a>hi</a>', { a: ['hi'] }],
    ['<?xml version="1.0"?><r><i>1</i><i>2</i></r>', { r: [{ i: ['1', '2'] }] }],
    ['<r><i id="x">v</i><e/></r>', { r: [{ i: [{ _attributes: { id: 'x' }, _value: 'v' }], e: [''] }] }],
    ['<r a="1"/>', { r: [{ _attributes: { a: '1' }, _value: '' }] }],
    ['<r><![CDATA[<b>]]> &amp; more<!-- c --></r>', { r: ['<b> & more'] }],
  ])('%s', (text, want) => expect(xml(text)).toEqual(want));
  it('is chosen automatically for XML content types', () => {
    expect(parseBody('automatic', { 'content-type': 'application/xml' }, Buffer.from('<a>1</a>'))).toEqual({
      a: ['1'],
    });
  });
  it.each(['<a><b></a>', '<a>', '</a>'])('malformed %s is a DataError', (t) => {
    expect(() => xml(t)).toThrow(/Malformed XML/);
  });
  it('a deeply nested document does not overflow the stack', () => {
    const deep = `${'<a>'.repeat(20000)}x${'</a>'.repeat(20000)}`;
    expect(() => xml(deep)).not.toThrow();
  });
});
