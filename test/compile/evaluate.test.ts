import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../generator/cli/errors.ts';
import {
  defineApp,
  defineConnection,
  defineFunction,
  defineModule,
  defineRpc,
  defineWebhook,
  emitApp,
  evaluateApp,
  expr,
  now,
  ref,
  rpcUrl,
  secret,
  toJsonValue,
} from '../../generator/compile/index.ts';

const work = mkdtempSync(path.join(tmpdir(), 'make-app-evaluate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('references compile to IML strings', () => {
  const parameters = ref('parameters');
  const connection = ref('connection');
  const body = ref('body');
  it.each([
    ['a path as a value', parameters.id, '{{parameters.id}}'],
    ['a nested path', body.data.items, '{{body.data.items}}'],
    ['a name that needs backticks', ref('headers')['content-type'], '{{headers.`content-type`}}'],
    ['a template literal', `/movies/${parameters.id}/awards`, '/movies/{{parameters.id}}/awards'],
    [
      'two references in a template',
      `Bearer ${connection.accessToken} ${connection.refreshToken}`,
      'Bearer {{connection.accessToken}} {{connection.refreshToken}}',
    ],
    [
      'an expression',
      expr`${connection.expires} < addMinutes(${now}, 1)`,
      '{{connection.expires < addMinutes(now, 1)}}',
    ],
    [
      'string arguments are quoted',
      expr`join(${parameters.tags}, ${', '})`,
      "{{join(parameters.tags, ', ')}}",
    ],
    [
      'quotes inside strings are escaped',
      expr`replace(${body.name}, ${"it's"}, ${'x'})`,
      "{{replace(body.name, 'it\\'s', 'x')}}",
    ],
    ['numbers and booleans stay literals', expr`if(${true}, ${5}, ${null})`, '{{if(true, 5, null)}}'],
  ])('%s', (_what, value, expected) => {
    expect(toJsonValue(value)).toBe(expected);
  });

  it('drops undefined members and keeps null', () => {
    expect(toJsonValue({ a: undefined, b: null, c: [parameters.x] })).toEqual({
      b: null,
      c: ['{{parameters.x}}'],
    });
  });

  it('rpcUrl names an RPC the app defines, with its query', () => {
    const rpc = defineRpc({ name: 'listThings', label: 'List' });
    expect(rpcUrl(rpc)).toBe('rpc://listThings');
    expect(rpcUrl(rpc, { type: 'a b', active: true })).toBe('rpc://listThings?type=a+b&active=true');
  });
});

function appWith(communication: unknown) {
  const m = defineModule({
    name: 'getThing',
    type: 'action',
    label: 'Get',
    description: 'Gets.',
    communication: communication as never,
  });
  return defineApp({ name: 'test-app', label: 'Test', version: 1, modules: [m] });
}

describe('values JSON cannot hold are errors naming the component and path', () => {
  it.each([
    [
      'a Date',
      { url: '/x', qs: { since: new Date(0) } },
      /module "getThing" communication at \/qs\/since: a Date cannot be written/,
    ],
    ['a function', { url: '/x', body: { f: () => 1 } }, /at \/body\/f: a function cannot be written/],
    ['NaN', { url: '/x', qs: { n: Number.NaN } }, /at \/qs\/n: NaN is not a JSON number/],
    ['a bigint', { url: '/x', qs: { n: 10n } }, /at \/qs\/n: a bigint cannot be written/],
    ['a Map', { url: '/x', body: new Map() }, /at \/body: a Map cannot be written/],
  ])('%s', (_what, communication, message) => {
    expect(() => evaluateApp(appWith(communication), { projectRoot: work })).toThrow(message);
  });

  it('a cycle', () => {
    const body: Record<string, unknown> = {};
    body.self = body;
    expect(() => evaluateApp(appWith({ url: '/x', body }), { projectRoot: work })).toThrow(
      /at \/body\/self: the value contains itself/,
    );
  });

  it('a builder that throws', () => {
    const err = (() => {
      try {
        evaluateApp(
          appWith(() => {
            throw new Error('oops');
          }),
          { projectRoot: work },
        );
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toBe('module "getThing" communication: the builder threw: oops');
    expect((err as InputError).location?.file).toBe(import.meta.filename);
  });

  it('two components with one name', () => {
    const a = defineModule({ name: 'same', type: 'action', label: 'A', description: 'a' });
    const b = defineModule({ name: 'same', type: 'action', label: 'B', description: 'b' });
    expect(() =>
      evaluateApp(defineApp({ name: 'test-app', version: 1, modules: [a, b] }), { projectRoot: work }),
    ).toThrow('two modules are named "same"');
  });
});

describe('every component kind is emitted where Make looks for it', () => {
  it('functions, webhooks, RPCs, app common data and groups', () => {
    const fn = defineFunction({
      name: 'formatTitle',
      code: 'function formatTitle(t) {\n  return t.trim();\n}\n',
      test: "it('trims', () => {});\n",
    });
    const hook = defineWebhook({
      name: 'thingEvents',
      label: 'Events',
      type: 'web-shared',
      communication: { output: '{{body}}', uid: '{{body.account}}' },
    });
    const rpc = defineRpc({ name: 'listThings', label: 'List', communication: { url: '/things' } });
    const m = defineModule({
      name: 'watchThings',
      type: 'instant_trigger',
      label: 'Watch',
      description: 'Watches.',
      webhook: hook,
    });
    const app = defineApp({
      name: 'kinds-app',
      version: 1,
      common: { timeout: 30000 },
      groups: [{ label: 'All', modules: [m] }],
      functions: [fn],
      webhooks: [hook],
      rpcs: [rpc],
      modules: [m],
    });
    const files = emitApp(evaluateApp(app, { projectRoot: work }).bundle);
    const byPath = new Map(files.map((f) => [f.path, f.text]));
    expect([...byPath.keys()].sort()).toEqual([
      'app.bundle.json',
      'functions/format-title/format-title.code.js',
      'functions/format-title/format-title.test.js',
      'general/common.json',
      'makecomapp.json',
      'modules/groups.json',
      'rpcs/list-things/list-things.communication.iml.json',
      'webhooks/thing-events/thing-events.communication.iml.json',
    ]);
    expect(byPath.get('functions/format-title/format-title.code.js')).toBe(
      'function formatTitle(t) {\n  return t.trim();\n}\n',
    );
    const manifest = JSON.parse(byPath.get('makecomapp.json')!);
    expect(manifest.components.module.watchThings).toEqual({
      label: 'Watch',
      description: 'Watches.',
      moduleType: 'instant_trigger',
      connection: null,
      altConnection: null,
      webhook: 'thingEvents',
      codeFiles: {},
    });
    expect(manifest.components.webhook.thingEvents.webhookType).toBe('web-shared');
    expect(manifest.generalCodeFiles).toEqual({
      base: null,
      common: 'general/common.json',
      readme: null,
      groups: 'modules/groups.json',
    });
    expect(JSON.parse(byPath.get('modules/groups.json')!)).toEqual([
      { label: 'All', modules: ['watchThings'] },
    ]);
  });
});

describe('secrets', () => {
  const conn = () =>
    defineConnection({
      name: 'auth',
      label: 'Auth',
      type: 'oauth',
      common: { clientId: secret({ env: 'TEST_CLIENT_ID', key: 'clientId', file: '.secrets/test.json' }) },
    });
  const app = () => defineApp({ name: 'test-app', version: 1, connections: [conn()] });
  const commonOf = (root: string, mode: 'placeholder' | 'resolve') =>
    evaluateApp(app(), { projectRoot: root, secrets: mode }).bundle.components.connection.auth!.codes.common;
  afterEach(() => {
    delete process.env.TEST_CLIENT_ID;
  });

  it('builds write the placeholder even when the value is available', () => {
    process.env.TEST_CLIENT_ID = 'real-id';
    expect(commonOf(work, 'placeholder')).toEqual({ clientId: '${TEST_CLIENT_ID}' });
  });

  it('resolve reads the environment first', () => {
    process.env.TEST_CLIENT_ID = 'from-env';
    expect(commonOf(work, 'resolve')).toEqual({ clientId: 'from-env' });
  });

  it('resolve falls back to the git-ignored secrets file', () => {
    const root = path.join(work, 'with-file');
    mkdirSync(path.join(root, '.secrets'), { recursive: true });
    writeFileSync(path.join(root, '.secrets/test.json'), JSON.stringify({ clientId: 'from-file' }));
    expect(commonOf(root, 'resolve')).toEqual({ clientId: 'from-file' });
  });

  it('resolve without a value says where to put it', () => {
    expect(() => commonOf(path.join(work, 'empty'), 'resolve')).toThrow(
      'secret "clientId" is not set: export TEST_CLIENT_ID or add "clientId" to .secrets/test.json (git-ignored)',
    );
  });

  it('a broken secrets file is a typed error', () => {
    const root = path.join(work, 'broken');
    mkdirSync(path.join(root, '.secrets'), { recursive: true });
    writeFileSync(path.join(root, '.secrets/test.json'), '{ nope');
    expect(() => commonOf(root, 'resolve')).toThrow(/secrets file is not valid JSON/);
  });
});
