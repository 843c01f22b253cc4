/**
 * Custom IML functions run in a QuickJS WebAssembly isolate: callable from IML and from each other,
 * with built-ins via iml.*, and unable to read files, open sockets or run forever.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CustomFunctions,
  createCustomFunctions,
  evaluateTemplate,
  ImlSandboxError,
  initImlSandbox,
} from '../../generator/iml/index.ts';

let fns: CustomFunctions;

beforeAll(async () => {
  await initImlSandbox();
  fns = createCustomFunctions(
    {
      double: 'function double(x) { return x * 2; }',
      greet: "function greet(name) { return 'Hello ' + iml.upper(name) + ' x' + iml.double(21); }",
      tomorrow: 'function tomorrow(d) { return iml.addDays(d, 1); }',
      zone: 'function zone() { return this.timezone + "|" + environment.timezone; }',
      shape:
        'function shape(o) { return { keys: Object.keys(o), isDate: o.when instanceof Date, missing: o.none }; }',
      readFile: "function readFile() { return require('fs').readFileSync('/etc/hostname', 'utf8'); }",
      importFs: "function importFs() { return import('fs'); }",
      globals:
        "function globals() { return [typeof require, typeof process, typeof fetch, typeof XMLHttpRequest, typeof WebSocket, typeof std, typeof os].join(','); }",
      connect: "function connect(port) { const net = require('net'); return net.connect(port); }",
      forever: 'function forever() { for (;;) {} }',
      heavy: 'function heavy() { const a = []; for (;;) a.push(new Array(100000).fill(1)); }',
      strings: "function strings() { const a = []; for (;;) a.push('x'.repeat(1000000)); }",
      recurse: 'function recurse(n) { return recurse(n + 1); }',
      fails: "function fails() { throw new Error('custom failure'); }",
      basic:
        "function basic(user, pass) { return 'Basic ' + Buffer.from(user + ':' + pass).toString('base64'); }",
      bytes:
        "function bytes(b) { return [Buffer.isBuffer(b), b.toString('hex'), Buffer.concat([b, Buffer.from('!')]).toString()]; }",
    },
    { timeoutMs: 300 },
  );
});

afterAll(() => fns?.dispose());

const run = (src: string, ctx: Record<string, unknown> = {}) =>
  evaluateTemplate(src, ctx, { functions: fns, timezone: 'Europe/Prague' });

describe('custom IML functions', () => {
  it('are callable from IML by name and as iml.<name>', () => {
    expect(run('{{double(4)}}')).toBe(8);
    expect(run('{{iml.double(parameters.n)}}', { parameters: { n: 5 } })).toBe(10);
  });

  it('call built-ins and each other through iml.<name>', () => {
    expect(run("{{iml.greet('ada')}}")).toBe('Hello ADA x42');
  });

  it('exchange dates, objects and undefined with the host', () => {
    expect(run("{{iml.tomorrow(parseDate('2026-01-01T00:00:00Z'))}}")).toEqual(
      new Date('2026-01-02T00:00:00.000Z'),
    );
    expect(run('{{iml.shape(o)}}', { o: { a: 1, when: new Date(0) } })).toEqual({
      keys: ['a', 'when'],
      isDate: true,
      missing: undefined,
    });
  });

  it('see the scenario time zone as this.timezone and environment.timezone', () => {
    expect(run('{{iml.zone()}}')).toBe('Europe/Prague|Europe/Prague');
  });

  it('cannot read a file: there is no require, import or file API', () => {
    expect(() => run('{{iml.readFile()}}')).toThrow(/require' is not defined/);
    expect(() => run('{{iml.importFs()}}')).toThrow(ImlSandboxError);
  });

  it('cannot open a socket: no network API exists inside the isolate', async () => {
    const server = createServer((socket) => socket.end());
    let connections = 0;
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      expect(() => run(`{{iml.connect(${port})}}`)).toThrow(ImlSandboxError);
      expect(run('{{iml.globals()}}')).toBe(
        'undefined,undefined,undefined,undefined,undefined,undefined,undefined',
      );
      await new Promise((r) => setTimeout(r, 100));
      expect(connections).toBe(0);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('cannot run forever: the time limit interrupts an endless loop', () => {
    const started = Date.now();
    expect(() => run('{{iml.forever()}}')).toThrow(/timed out after 300 ms/);
    expect(Date.now() - started).toBeLessThan(5000);
    // The isolate stays usable after an interrupt.
    expect(run('{{double(2)}}')).toBe(4);
  });

  it('cannot run forever even when each loop step is a heavy native call: the worker is stopped', () => {
    for (const fn of ['heavy', 'strings']) {
      const started = Date.now();
      expect(() => run(`{{iml.${fn}()}}`)).toThrow(/timed out|out of memory/);
      expect(Date.now() - started).toBeLessThan(5000);
    }
    // A fresh isolate takes over for the next call.
    expect(run('{{double(3)}}')).toBe(6);
  });

  it('turns runaway recursion and thrown errors into typed errors', () => {
    expect(() => run('{{iml.recurse(1)}}')).toThrow(ImlSandboxError);
    expect(() => run('{{iml.fails()}}')).toThrow(/custom failure/);
  });

  it('rejects code that does not declare the named function', () => {
    expect(() => createCustomFunctions({ wrong: 'function other() {}' })).toThrow(/does not declare/);
    expect(() => createCustomFunctions({ broken: 'function broken( {' })).toThrow(ImlSandboxError);
  });

  it('offer a Buffer for encodings, as Make documents', () => {
    expect(run("{{iml.basic('ada', 'pw')}}")).toBe(`Basic ${Buffer.from('ada:pw').toString('base64')}`);
    expect(run("{{iml.bytes(toBinary('hi'))}}")).toEqual([true, '6869', 'hi!']);
  });

  it('lists the functions it holds', () => {
    expect(fns.names()).toContain('double');
  });
});
