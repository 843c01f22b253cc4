import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadApp } from '../../generator/load/index.ts';
import { validateSchemas } from '../../generator/validate/schema/index.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'schema-step-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Kind = 'module' | 'connection' | 'webhook' | 'rpc';
interface Case {
  name: string;
  kind: Kind;
  meta?: Record<string, unknown>;
  codes: Record<string, unknown>;
  /** Expected: rule id, a piece of the message, and the text whose first character the caret must sit on. */
  rule?: string;
  message?: string;
  at?: string;
  severity?: 'error' | 'warning';
}

/** Writes a bundle holding one component, pretty-printed so every value has its own position. */
function run(c: Case) {
  const file = path.join(tmp, `${c.name.replace(/\W+/g, '-')}.bundle.json`);
  const bundle = {
    bundleVersion: 1,
    app: { name: 'case' },
    general: {},
    components: {
      connection: {},
      webhook: {},
      module: {},
      rpc: {},
      function: {},
      [c.kind]: { thing: { ...(c.meta ?? {}), codes: c.codes } },
    },
  };
  const text = `${JSON.stringify(bundle, null, 2)}\n`;
  writeFileSync(file, text);
  const app = loadApp(file);
  return { text, diagnostics: validateSchemas(app) };
}

function position(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in the fixture`);
  const lines = text.slice(0, at).split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

const mod = (moduleType: string) => ({ moduleType });
const FLAGGED: Case[] = [
  {
    name: 'output written at the request root',
    kind: 'module',
    meta: mod('search'),
    codes: { communication: { url: '/m', output: '{{body}}' } },
    rule: 'schema/module-communication-search',
    message: 'put it inside `response`',
    at: '"output"',
  },
  {
    name: 'respond in a module',
    kind: 'module',
    meta: mod('action'),
    codes: { communication: { url: '/m', respond: { status: 200 } } },
    rule: 'schema/module-communication-action',
    message: "only exists in a webhook's communication",
    at: '"respond"',
  },
  {
    name: 'pagination in an action',
    kind: 'module',
    meta: mod('action'),
    codes: { communication: { url: '/m', pagination: { qs: { page: '{{pagination.page}}' } } } },
    rule: 'schema/module-communication-action',
    message: 'only search, polling trigger and universal modules',
    at: '"pagination"',
  },
  {
    name: 'limit in an action response',
    kind: 'module',
    meta: mod('action'),
    codes: { communication: { url: '/m', response: { limit: 1 } } },
    rule: 'schema/module-communication-action',
    message: 'exactly one bundle',
    at: '"limit"',
  },
  {
    name: 'trigger in a search',
    kind: 'module',
    meta: mod('search'),
    codes: {
      communication: {
        url: '/m',
        response: { iterate: '{{body}}', trigger: { type: 'id', order: 'asc', id: '{{item.id}}' } },
      },
    },
    rule: 'schema/module-communication-search',
    message: 'polling trigger',
    at: '"trigger"',
  },
  {
    name: 'limit 0 in a search',
    kind: 'module',
    meta: mod('search'),
    codes: { communication: { url: '/m', response: { limit: 0 } } },
    rule: 'schema/module-communication-search',
    message: 'at least 1',
    at: '0\n',
  },
  {
    name: 'polling trigger without trigger',
    kind: 'module',
    meta: mod('trigger'),
    codes: { communication: { url: '/m', response: { iterate: '{{body}}' } } },
    rule: 'schema/module-communication-trigger',
    message: 'needs `trigger`',
    at: '{\n              "iterate"',
  },
  {
    name: 'date trigger without date',
    kind: 'module',
    meta: mod('trigger'),
    codes: {
      communication: { url: '/m', response: { trigger: { type: 'date', order: 'desc', id: '{{item.id}}' } } },
    },
    rule: 'schema/module-communication-trigger',
    message: 'trigger.date',
    at: '{\n                "type": "date"',
  },
  {
    name: 'instant trigger as an array',
    kind: 'module',
    meta: mod('instant_trigger'),
    codes: { communication: [{ response: { output: '{{payload}}' } }] },
    rule: 'schema/module-communication-instant-trigger',
    message: 'Instant trigger communication',
    at: '[\n',
  },
  {
    name: 'iterate in an instant trigger',
    kind: 'module',
    meta: mod('instant_trigger'),
    codes: { communication: { response: { iterate: '{{payload.items}}' } } },
    rule: 'schema/module-communication-instant-trigger',
    message: 'one incoming webhook bundle',
    at: '"iterate"',
  },
  {
    name: 'a responder making a request',
    kind: 'module',
    meta: mod('responder'),
    codes: { communication: { url: '/x', response: { status: 200 } } },
    rule: 'schema/module-communication-responder',
    message: 'makes no request',
    at: '"url"',
  },
  {
    name: 'iterate in a universal module',
    kind: 'module',
    meta: mod('universal'),
    codes: { communication: { url: '/{{parameters.url}}', response: { iterate: '{{body}}' } } },
    rule: 'schema/module-communication-universal',
    message: 'universal module',
    at: '"iterate"',
  },
  {
    name: 'lowercase method',
    kind: 'module',
    meta: mod('action'),
    codes: { communication: { url: '/m', method: 'post' } },
    rule: 'schema/module-communication-action',
    message: '`method` must be an HTTP method',
    at: '"post"',
  },
  {
    name: 'epoch on an action',
    kind: 'module',
    meta: mod('action'),
    codes: { epoch: { response: { output: { label: 'a', date: 'b' } } } },
    rule: 'schema/module-epoch',
    message: 'only to polling triggers',
    at: '{\n            "response"',
  },
  {
    name: 'typo in a parameter',
    kind: 'module',
    meta: mod('action'),
    codes: { mappableParams: [{ name: 'x', type: 'text', lable: 'X' }] },
    rule: 'schema/module-mappable-params',
    message: 'did you mean `label`',
    at: '"lable"',
  },
  {
    name: 'unknown parameter type',
    kind: 'module',
    meta: mod('action'),
    codes: { staticParams: [{ name: 'x', type: 'string' }] },
    rule: 'schema/module-static-params',
    message: 'not a parameter type Make knows',
    at: '"string"',
  },
  {
    name: 'pagination in a basic connection',
    kind: 'connection',
    meta: { connectionType: 'basic' },
    codes: { communication: { url: 'https://x/me', pagination: {} } },
    rule: 'schema/connection-communication-basic',
    message: 'not available in connections',
    at: '"pagination"',
  },
  {
    name: 'bare request as OAuth communication',
    kind: 'connection',
    meta: { connectionType: 'oauth' },
    codes: { communication: { url: 'https://x/me' } },
    rule: 'schema/connection-communication-oauth',
    message: 'object of sections',
    at: '"url"',
  },
  {
    name: 'outgoing url in webhook communication',
    kind: 'webhook',
    meta: { webhookType: 'web' },
    codes: { communication: { url: 'https://x', output: '{{body}}' } },
    rule: 'schema/webhook-communication',
    message: 'attach',
    at: '"url"',
  },
  {
    name: 'data stored by an RPC',
    kind: 'rpc',
    codes: { communication: { url: '/x', response: { data: { a: 1 } } } },
    rule: 'schema/rpc-communication',
    message: '`data` is stored only by connections',
    at: '"data"',
  },
  {
    name: 'sanitize path without request./response.',
    kind: 'module',
    meta: mod('action'),
    codes: { communication: { url: '/m', log: { sanitize: ['headers.authorization'] } } },
    rule: 'schema/module-communication-action',
    message: 'hides nothing',
    at: '"headers.authorization"',
    severity: 'warning',
  },
];

describe('schema step: a directive is allowed only where Make allows it, reported at its exact place', () => {
  it.each(FLAGGED)('$name', (c) => {
    const { text, diagnostics } = run(c);
    const d = diagnostics.find((x) => x.ruleId === c.rule);
    expect(d, JSON.stringify(diagnostics, null, 1)).toBeDefined();
    expect(d?.message).toContain(c.message);
    expect(d?.severity).toBe(c.severity ?? 'error');
    expect(d?.file).toBe(`${c.name.replace(/\W+/g, '-')}.bundle.json`);
    expect(d?.component).toBe(`${c.kind}s.thing`);
    expect({ line: d?.line, column: d?.column }).toEqual(position(text, c.at!));
    expect(d?.message).not.toMatch(/must match (a )?schema|does not match/);
  });
});

/** Things Make accepts that its own schemas reject (reference §12, items 10–16): no finding. */
const ACCEPTED: Case[] = [
  {
    name: 'uid at a shared webhook root',
    kind: 'webhook',
    meta: { webhookType: 'web-shared' },
    codes: { communication: { uid: '{{body.accountId}}', output: '{{body}}' } },
  },
  {
    name: 'headers and qs as IML strings',
    kind: 'module',
    meta: mod('action'),
    codes: { communication: { url: '/m', headers: '{{buildHeaders()}}', qs: '{{parameters.qs}}' } },
  },
  {
    name: 'timeout, rejectUnauthorized, while, response.scope/unwrap, aws.service/region',
    kind: 'module',
    meta: mod('search'),
    codes: {
      communication: {
        url: '/m',
        timeout: 120000,
        rejectUnauthorized: false,
        while: { condition: '{{temp.more}}', limit: 3 },
        aws: { key: 'k', secret: 's', service: 's3', region: 'eu-west-1' },
        response: { unwrap: false, iterate: '{{body}}' },
      },
    },
  },
  {
    name: 'OPTIONS and other verbs',
    kind: 'module',
    meta: mod('action'),
    codes: { communication: { url: '/m', method: 'OPTIONS' } },
  },
  {
    name: 'bodiless POST and a request-less action with a method',
    kind: 'module',
    meta: mod('action'),
    codes: {
      communication: [
        { url: '/m', method: 'POST' },
        { method: 'DELETE', response: { output: '{{temp}}' } },
      ],
    },
  },
  {
    name: 'OAuth 1 sections and preauthorize arrays',
    kind: 'connection',
    meta: { connectionType: 'oauth' },
    codes: {
      communication: {
        oauth: { consumer_key: '{{common.key}}' },
        requestToken: { url: 'https://x/rt' },
        accessToken: { url: 'https://x/at' },
        preauthorize: [{ url: 'https://x/p' }],
        token: { url: 'https://x/t', response: { scope: '{{body.scope}}' } },
      },
    },
  },
  {
    name: 'parameter disabled and Forman-only types',
    kind: 'module',
    meta: mod('action'),
    codes: {
      mappableParams: [
        { name: 'a', type: 'checkbox', disabled: true },
        { name: 'b', type: 'markdown' },
        { name: 'c', type: 'account:google' },
        { name: 'd', type: 'hook' },
      ],
    },
  },
  {
    name: 'IML where Make evaluates (condition, valid, limit, type, method)',
    kind: 'module',
    meta: mod('search'),
    codes: {
      communication: {
        url: '/m',
        method: '{{parameters.method}}',
        type: '{{parameters.type}}',
        condition: '{{parameters.run}}',
        response: {
          valid: '{{body.ok}}',
          limit: '{{parameters.limit}}',
          type: '{{parameters.rt}}',
          error: { type: '{{if(statusCode = 429, "RateLimitError", "RuntimeError")}}' },
        },
      },
    },
  },
  {
    name: 'long IML url and certificate chain',
    kind: 'module',
    meta: mod('action'),
    codes: {
      communication: {
        url: `/x/${'{{parameters.a}}/'.repeat(60)}`,
        ca: `-----BEGIN CERTIFICATE-----\n${'A'.repeat(9000)}\n-----END CERTIFICATE-----`,
      },
    },
  },
  {
    name: 'empty attach array of an older export',
    kind: 'webhook',
    meta: { webhookType: 'web' },
    codes: { attach: [], detach: [] },
  },
  {
    name: 'request-less steps before the polling request',
    kind: 'module',
    meta: mod('trigger'),
    codes: {
      communication: [
        { response: { temp: { a: 1 } } },
        {
          url: '/m',
          response: { iterate: '{{body}}', trigger: { type: 'id', order: 'unordered', id: '{{item.id}}' } },
        },
      ],
    },
  },
  { name: 'static samples via rpc', kind: 'module', meta: mod('action'), codes: { samples: 'rpc://sample' } },
];

describe('schema step: never wrong where Make is lenient', () => {
  it.each(ACCEPTED)('$name', (c) => {
    expect(run(c).diagnostics).toEqual([]);
  });
});

describe('schema step on makecomapp.json', () => {
  it('reports an invalid module id and an older section name at the key in makecomapp.json', () => {
    const root = path.join(tmp, 'manifest-app');
    mkdirSync(path.join(root, 'modules'), { recursive: true });
    const manifest = {
      fileVersion: 1,
      generalCodeFiles: { base: null, common: null, readme: null, groups: null },
      components: {
        module: { 'get-movie': { label: 'Get', moduleType: 'action', codeFiles: { api: 'modules/c.json' } } },
      },
      origins: [
        { baseUrl: 'https://eu1.make.com/api', appId: 'x-app', appVersion: 1, apikeyFile: '.secrets/apikey' },
      ],
    };
    const text = JSON.stringify(manifest, null, 2);
    writeFileSync(path.join(root, 'makecomapp.json'), text);
    writeFileSync(path.join(root, 'modules/c.json'), '{"url": "/m"}');
    const ds = validateSchemas(loadApp(root)).filter((d) => d.ruleId === 'schema/makecomapp');
    expect(ds.length).toBe(2);
    expect(ds[0].message).toContain(
      '"get-movie" is not a valid module id: module ids are 3-64 letters or digits',
    );
    expect({ line: ds[0].line, column: ds[0].column }).toEqual(position(text, '"get-movie"'));
    expect(ds[1].message).toContain(
      '`api` is the older section name; makecomapp.json calls it `communication`',
    );
    expect({ line: ds[1].line, column: ds[1].column }).toEqual(position(text, '"api"'));
  });
});

describe('schema step on hostile input', () => {
  it('explains a bad field at the bottom of 100 nested collection specs without blowing up', () => {
    let spec: Record<string, unknown> = { name: 'leaf', type: 'text', lable: 'x' };
    for (let i = 0; i < 100; i++) spec = { name: `n${i}`, type: 'collection', spec: [spec] };
    const { text, diagnostics } = run({
      name: 'deep spec',
      kind: 'module',
      meta: mod('action'),
      codes: { interface: [spec] },
    });
    const d = diagnostics.find((x) => x.ruleId === 'schema/module-interface');
    expect(d?.message).toContain('did you mean `label`');
    expect({ line: d?.line, column: d?.column }).toEqual(position(text, '"lable"'));
  });

  it('reports each of 3000 broken parameters once', () => {
    const params = Array.from({ length: 3000 }, (_, i) => ({ name: `p${i}`, type: 'txt' }));
    const { diagnostics } = run({
      name: 'many params',
      kind: 'module',
      meta: mod('action'),
      codes: { mappableParams: params },
    });
    expect(diagnostics.length).toBe(3000);
    expect(new Set(diagnostics.map((d) => d.line)).size).toBe(3000);
  });

  it('treats a "__proto__" directive as an unknown key, nothing more', () => {
    const { diagnostics } = run({
      name: 'proto key',
      kind: 'module',
      meta: mod('action'),
      codes: { communication: JSON.parse('{"url": "/m", "__proto__": {"x": 1}}') },
    });
    expect(diagnostics.map((d) => d.message)).toEqual([
      "`__proto__` is not allowed in an action module's communication request.",
    ]);
  });
});
