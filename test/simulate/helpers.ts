/** Test helpers: hand-written apps as app models, and a stub HTTP API that records what it receives. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AppModel, CodeFile, Component, ComponentCodeType } from '../../generator/model/index.ts';
import { emptyComponents } from '../../generator/model/index.ts';

export function codeFile(codeType: ComponentCodeType | 'base' | 'common', value: unknown): CodeFile {
  const text = JSON.stringify(value, null, 2);
  return {
    codeType,
    file: `${codeType}.iml.json`,
    basePointer: '',
    text,
    value,
    locate: (pointer) => ({ file: `${codeType}.iml.json`, line: 1, column: 1, pointer }),
  };
}

export interface ComponentSpec extends Omit<Component, 'codes' | 'kind' | 'name'> {
  codes: Partial<Record<ComponentCodeType, unknown>>;
}

export function makeApp(parts: {
  base?: unknown;
  common?: unknown;
  modules?: Record<string, ComponentSpec>;
  rpcs?: Record<string, ComponentSpec>;
  connections?: Record<string, ComponentSpec>;
  webhooks?: Record<string, ComponentSpec>;
  functions?: Record<string, ComponentSpec>;
}): AppModel {
  const components = emptyComponents();
  const add = (kind: Component['kind'], specs: Record<string, ComponentSpec> | undefined) => {
    for (const [name, spec] of Object.entries(specs ?? {})) {
      const codes: Component['codes'] = {};
      for (const [t, v] of Object.entries(spec.codes))
        codes[t as ComponentCodeType] = codeFile(t as ComponentCodeType, v);
      components[kind][name] = { ...spec, kind, name, codes };
    }
  };
  add('module', parts.modules);
  add('rpc', parts.rpcs);
  add('connection', parts.connections);
  add('webhook', parts.webhooks);
  add('function', parts.functions);
  return {
    root: '/virtual/test-app',
    layout: 'loose',
    info: { name: 'test-app', label: 'Test app' },
    general: {
      ...(parts.base !== undefined ? { base: codeFile('base', parts.base) } : {}),
      ...(parts.common !== undefined ? { common: codeFile('common', parts.common) } : {}),
    },
    components,
    diagnostics: [],
  };
}

export interface SeenRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface StubReply {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  text?: string;
  delayMs?: number;
}

export interface Stub {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/** A loopback HTTP server answering with `handler`, recording every request. */
export async function startStub(handler: (req: SeenRequest) => StubReply): Promise<Stub> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://stub');
      const r: SeenRequest = {
        method: req.method ?? 'GET',
        path: u.pathname,
        query: Object.fromEntries(u.searchParams),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(r);
      const reply = handler(r);
      const send = () => {
        const headers = {
          ...(reply.json !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(reply.headers ?? {}),
        };
        res.writeHead(reply.status ?? 200, headers);
        res.end(reply.json !== undefined ? JSON.stringify(reply.json) : (reply.text ?? ''));
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  return {
    url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
