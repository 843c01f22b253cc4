import { isObject } from '../../model/index.ts';
import { escapePointerSegment } from '../../model/location.ts';
import type { RequestInfo } from '../analysis/index.ts';
import { defineRule } from '../types.ts';
import { ACADEMY_BASE, academyConnection, bundle } from './case-kit.ts';

const SECRET_HEADER =
  /^(authorization|proxy-authorization|x-api-key|api-key|apikey|x-auth-token|x-access-token|x-token|x-secret|cookie)$|(api[-_]?key|token|secret|password)$/i;
const SECRET_FIELD =
  /^(client_?secret|password|passwd|api_?key|apikey|access_?token|refresh_?token|id_?token|secret|token|code)$/i;
const SECRET_VAR = /(secret|password|passwd|token|api_?key|apikey)$/i;

function sanitizeList(r: RequestInfo): string[] {
  const log = r.value.log;
  if (!isObject(log) || !Array.isArray(log.sanitize)) return [];
  return log.sanitize.filter((x): x is string => typeof x === 'string');
}

const normalize = (p: string) => p.replace(/`/g, '').toLowerCase();
const esc = escapePointerSegment;

/** `covered(path)`: log.sanitize of the request (plus inherited entries) hides that path. */
function coverage(r: RequestInfo, inherited: string[]): (path: string) => boolean {
  let list: Set<string> | undefined;
  return (path) => {
    list ??= new Set([...sanitizeList(r), ...inherited].map(normalize));
    const set = list;
    return set.has(normalize(path)) || [...set].some((p) => normalize(path).startsWith(`${p}.`));
  };
}

/** True when a value sends a secret: any value under a secret name, or IML reading a secret-named variable. */
function carriesSecret(value: unknown, nameIsSecret: boolean, reads: string[][]): boolean {
  if (typeof value !== 'string' || value === '') return false;
  if (nameIsSecret) return true;
  return reads.some(
    (p) =>
      ['connection', 'data', 'parameters', 'common'].includes(p[0]) &&
      p.length > 1 &&
      SECRET_VAR.test(p[p.length - 1]),
  );
}

export const securityUnsanitizedSecret = defineRule({
  id: 'security/unsanitized-secret',
  description:
    'A request sends a secret (Authorization header, API key, client secret, token) that `log.sanitize` does not hide.',
  defaultSeverity: 'error',
  explains: ['sanitize', 'request-field'],
  docs: "Make shows each request and response in DevTool and the scenario log; `log.sanitize` lists the paths to mask (`request.headers.authorization`, ``request.headers.`x-api-key` ``, `request.body.client_secret`, `response.body.access_token`...). A secret outside that list is written to logs that other team members can read. Modules and RPCs inherit base's list; connections do not.",
  messages: {
    header: 'Header "{header}" carries a secret but log.sanitize does not list "{path}"; add it.',
    requestField:
      '{where}.{key} carries a secret but log.sanitize does not list "request.{where}.{key}"; add it.',
    responseField:
      'The response\'s {field} is stored but log.sanitize does not list "response.body.{field}"; add it.',
  },
  check(ctx) {
    const baseList = ctx.analysis.baseRequests.flatMap(sanitizeList);
    for (const r of ctx.analysis.requests) {
      const inherits =
        !r.component ||
        r.component.kind === 'module' ||
        r.component.kind === 'rpc' ||
        r.component.kind === 'webhook';
      // the request's sanitize list is built only when some value carries a secret
      const covered = coverage(r, inherits && r.component ? baseList : []);
      const comp = r.component ?? 'base';
      const headers = r.value.headers;
      if (isObject(headers))
        for (const [k, v] of Object.entries(headers)) {
          const ptr = `${r.pointer}/headers/${esc(k)}`;
          if (k.includes('{{') || !carriesSecret(v, SECRET_HEADER.test(k), ctx.analysis.readsAt(r.code, ptr)))
            continue;
          const path = /^[A-Za-z0-9_]+$/.test(k) ? `request.headers.${k}` : `request.headers.\`${k}\``;
          if (covered(`request.headers.${k}`)) continue;
          ctx.report({
            messageId: 'header',
            data: { header: k, path },
            code: r.code,
            pointer: ptr,
            key: true,
            component: comp,
          });
        }
      for (const where of ['body', 'qs'] as const) {
        const obj = r.value[where];
        if (!isObject(obj)) continue;
        for (const [k, v] of Object.entries(obj)) {
          const ptr = `${r.pointer}/${where}/${esc(k)}`;
          const secretName = SECRET_FIELD.test(k) && (k !== 'code' || r.section === 'token');
          if (k.includes('{{') || !carriesSecret(v, secretName, ctx.analysis.readsAt(r.code, ptr))) continue;
          if (covered(`request.${where}.${k}`)) continue;
          if (where === 'qs' && k === 'code') continue;
          ctx.report({
            messageId: 'requestField',
            data: { where, key: k },
            code: r.code,
            pointer: ptr,
            key: true,
            component: comp,
          });
        }
      }
      // tokens received: a response that stores body.access_token / refresh_token should hide them
      const resp = r.value.response;
      if (r.component?.kind === 'connection' && isObject(resp) && isObject(resp.data))
        for (const k of Object.keys(resp.data)) {
          const read = ctx.analysis
            .readsAt(r.code, `${r.pointer}/response/data/${esc(k)}`)
            .find((p) => p[0] === 'body' && p.length === 2 && /^(access|refresh|id)_?token$/i.test(p[1]));
          const m = read ? [read.join('.'), read[1]] : null;
          if (!m || covered(`response.body.${m[1]}`)) continue;
          ctx.report({
            messageId: 'responseField',
            data: { field: m[1] },
            code: r.code,
            pointer: `${r.pointer}/response/data/${k}`,
            component: comp,
          });
        }
    }
  },
  cases: {
    valid: [
      {
        name: 'sanitised bearer header and tokens',
        bundle: bundle({ base: ACADEMY_BASE, connections: { academy: academyConnection() } }),
      },
    ],
    invalid: [
      {
        name: 'authorization header without sanitize',
        bundle: bundle({
          base: `{ "baseUrl": "https://app-academy.make.com/api/v2", "headers": { /*@header*/"authorization": "Bearer {{connection.accessToken}}" } }`,
          connections: { academy: academyConnection() },
        }),
      },
      {
        name: 'api key from connection in a custom header',
        bundle: bundle({
          base: `{ "baseUrl": "https://api.example.com", "headers": { /*@header*/"X-Key": "{{connection.apiKey}}" }, "log": { "sanitize": ["request.headers.authorization"] } }`,
          connections: {
            key: `{ "label": "Key", "connectionType": "basic", "codes": { "params": [{ "name": "apiKey", "type": "password", "label": "API key" }] } }`,
          },
        }),
      },
      {
        name: 'api key sent in the query string and in a JSON body',
        bundle: bundle({
          base: `{ "baseUrl": "https://api.example.com", "qs": { /*@requestField*/"api_key": "{{connection.apiKey}}" } }`,
          connections: {
            key: `{ "label": "Key", "connectionType": "basic", "codes": { "params": [{ "name": "apiKey", "type": "password", "label": "API key" }] } }`,
          },
          modules: {
            caseModule: `{ "label": "Send", "description": "Sends a message.", "moduleType": "action", "connection": "key",
              "codes": { "communication": { "url": "/send", "method": "POST", "body": { /*@requestField*/"token": "{{connection.apiKey}}", "text": "{{parameters.text}}" } }, "mappableParams": [{ "name": "text", "type": "text", "label": "Text" }] } }`,
          },
        }),
      },
      {
        name: 'an access token stored from the login response',
        bundle: bundle({
          connections: {
            key: `{ "label": "Login", "connectionType": "basic", "codes": { "params": [{ "name": "user", "type": "text", "label": "User" }],
              "communication": { "url": "https://api.example.com/login", "method": "POST", "body": { "user": "{{parameters.user}}" }, "response": { "data": { "sessionToken": /*@responseField*/ "{{body.access_token}}" } } } } }`,
          },
        }),
      },
    ],
  },
});
