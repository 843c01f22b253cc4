/** §11.6 JSON and runtime-provided functions (JWT, signatures, errors). */
import type { ImlCase } from './case.ts';

export const JSON_CRYPTO_CASES: ImlCase[] = [
  { t: '{{parseJSON(\'{"a":[1,2]}\')}}', want: { a: [1, 2] } },
  { t: "{{parseJSON('42')}}", want: 42 },
  { t: '{{parseJSON(\'"x"\')}}', want: 'x' },
  { t: '{{parseJSON(createJSON(temp.obj)).b.c}}', want: 2 },
  { t: '{{createJSON(temp.obj)}}', want: '{"a":1,"b":{"c":2}}' },
  { t: '{{createJSON(parameters.tags)}}', want: '["a","b","c"]' },
  { t: '{{createJSON(temp.date)}}', want: '"2026-01-31T10:00:00.000Z"' },
  { t: '{{createJSON(\'say "hi"\')}}', want: '"say \\"hi\\""' },
  {
    t: '{{createJSON(parseJSON(\'{"__proto__":{"polluted":1}}\'))}}',
    want: '{"__proto__":{"polluted":1}}',
    note: '__proto__ stays data',
  },
  { t: "{{errorFactory('DataError', 'bad input')}}", error: 'ImlRaisedError' },
  { t: "{{errorFactory('NoSuchError', 'x')}}", error: 'ImlEvalError' },
  {
    t: "{{jwt(claims, 'your-256-bit-secret')}}",
    ctx: { claims: { sub: '1234567890', name: 'John Doe', iat: 1516239022 } },
    want: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    note: 'the jwt.io reference token',
  },
  { t: "{{length(split(jwt(temp.obj, 'k', 'HS512'), '.'))}}", want: 3 },
  {
    t: "{{parseJSON(toString(toBinary(split(jwt(temp.obj, 'k', 'HS384'), '.')[1], 'base64url'))).alg}}",
    want: 'HS384',
  },
  { t: "{{jwt(temp.obj, 'k', 'none')}}", error: 'ImlEvalError', note: 'unsigned tokens are refused' },
  { t: "{{jwt(temp.obj, 'not a pem', 'RS256')}}", error: 'ImlEvalError' },
  { t: "{{base64url('subjects?_d')}}", want: 'c3ViamVjdHM_X2Q', note: 'URL-safe, no padding' },
  { t: "{{cryptoSign('RSA-SHA256', 'data', 'not a key')}}", error: 'ImlEvalError' },
];
