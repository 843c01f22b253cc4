/**
 * Dedicated webhooks (make-iml.md §8.2): a local receiver HTTP server stands in for Make's hook URL;
 * `attach` registers that URL with the API, deliveries land in an inbox, the webhook's own
 * communication turns each delivery into bundles, and `detach` removes the registration.
 */

import { createServer, type Server } from 'node:http';
import type { ImlContext } from '../iml/api.ts';
import { isTruthy } from '../iml/index.ts';
import { containerTemplate, iterateContainer } from '../model/bare-iml.ts';
import { type Component, getOwn, isPlainObject, setOwn } from '../model/index.ts';
import type { Spec } from './base-merge.ts';
import { collectSecrets, ensureConnection } from './connection.ts';
import { MakeError } from './errors.ts';
import { execute } from './executor.ts';
import { withDefaults } from './modules.ts';
import { parseBody } from './response.ts';
import { findComponent, type Runtime, type WebhookState } from './runtime.ts';

export interface Receiver {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the loopback receiver; every POST to /hook/<webhook>/<id> is queued in the inbox of the
 * runtime `current()` returns (the scenario running now).
 */
export async function startReceiver(current: () => Runtime | undefined): Promise<Receiver> {
  const server: Server = createServer((req, res) => {
    const rt = current();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= 1024 * 1024) chunks.push(c);
    });
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://receiver');
      const m = /^\/hook\/([^/]+)\/([^/]+)$/.exec(u.pathname);
      if (!m || size > 1024 * 1024 || !rt) {
        res.writeHead(m ? 413 : 404, { 'content-type': 'text/plain' }).end(m ? 'Too large' : 'Unknown hook');
        return;
      }
      const name = decodeURIComponent(m[1]);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') setOwn(headers, k, v);
      const body = Buffer.concat(chunks);
      const delivery = {
        body,
        headers,
        query: Object.fromEntries(u.searchParams),
        method: req.method ?? 'POST',
      };
      const reply = replyFor(rt, name, delivery);
      if (!reply.verification) {
        const list = rt.inbox.get(name) ?? [];
        list.push(delivery);
        rt.inbox.set(name, list);
      }
      rt.wire.recordIncoming(
        { method: delivery.method, url: `${rt.receiverUrl}${u.pathname}`, headers, body },
        { component: `webhooks.${name}`, pointer: `webhooks.${name}.communication` },
        reply,
      );
      res.writeHead(reply.status, reply.headers).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

export interface HookReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** True when the webhook's `verification` answered (the delivery makes no bundles). */
  verification: boolean;
}

/**
 * What the hook answers the sender: `verification.respond` when its condition holds, else the
 * webhook's `respond`, else Make's plain 200 "Accepted". Never throws (a broken directive answers 500).
 */
function replyFor(rt: Runtime, name: string, d: Delivery): HookReply {
  const accepted: HookReply = {
    status: 200,
    headers: { 'content-type': 'text/plain' },
    body: Buffer.from('Accepted'),
    verification: false,
  };
  try {
    const api = (getOwn(rt.app.components.webhook, name) as Component | undefined)?.codes.communication
      ?.value;
    if (!isPlainObject(api)) return accepted;
    const ctx = deliveryCtx(rt, name, d);
    const ver = isPlainObject(api.verification) ? (api.verification as Spec) : undefined;
    const verifying = ver !== undefined && isTruthy(rt.env.iml.eval(ver.condition, ctx));
    const respond = verifying ? ver!.respond : api.respond;
    if (!isPlainObject(respond)) return { ...accepted, verification: verifying };
    const r = rt.env.iml.eval(respond, ctx) as Record<string, unknown>;
    const type = String(r.type ?? 'json');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(isPlainObject(r.headers) ? r.headers : {}))
      setOwn(headers, k.toLowerCase(), String(v));
    let text: string;
    if (type === 'json') {
      text = JSON.stringify(r.body ?? null);
      headers['content-type'] ??= 'application/json';
    } else if (type === 'urlencoded') {
      text = new URLSearchParams(isPlainObject(r.body) ? (r.body as Record<string, string>) : {}).toString();
      headers['content-type'] ??= 'application/x-www-form-urlencoded';
    } else {
      text = r.body === undefined || r.body === null ? '' : String(r.body);
      headers['content-type'] ??= 'text/plain';
    }
    const status = Number(r.status ?? 200);
    return {
      status: Number.isInteger(status) && status >= 100 && status <= 999 ? status : 200,
      headers,
      body: Buffer.from(text),
      verification: verifying,
    };
  } catch (e) {
    return {
      status: 500,
      headers: { 'content-type': 'text/plain' },
      body: Buffer.from((e as Error).message ?? 'error'),
      verification: false,
    };
  }
}

type Delivery = {
  body: Buffer;
  headers: Record<string, string>;
  query: Record<string, string>;
  method: string;
};

function deliveryCtx(rt: Runtime, name: string, d: Delivery): ImlContext {
  const body = parseBody(
    'automatic',
    { 'content-type': d.headers['content-type'] ?? 'application/json' },
    d.body,
  );
  const params = rt.webhooks.get(name)?.parameters ?? {};
  return { body, query: d.query, headers: d.headers, method: d.method, parameters: params, data: params };
}

function hookCtx(rt: Runtime, st: WebhookState, connection: Record<string, unknown>): ImlContext {
  return {
    parameters: st.parameters,
    data: st.parameters,
    connection,
    common: rt.appCommon,
    temp: {},
    webhook: { id: st.id, url: st.url, ...st.data },
  };
}

/** Registers the webhook with the service through its `attach` section. */
export async function attachWebhook(
  rt: Runtime,
  name: string,
  parameters: Record<string, unknown> = {},
): Promise<WebhookState> {
  const c = findComponent(rt, 'webhook', name);
  if (!rt.receiverUrl) throw new MakeError('RuntimeError', 'No webhook receiver is running');
  const id = `${name}-${Math.floor(rt.env.nextSeed()).toString(36)}`;
  const st: WebhookState = {
    name,
    id,
    url: `${rt.receiverUrl}/hook/${encodeURIComponent(name)}/${id}`,
    data: {},
    parameters: withDefaults(c, parameters),
    ...(c.connection ? { connection: c.connection } : {}),
  };
  const conn = await ensureConnection(rt, c.connection ?? undefined);
  const attach = c.codes.attach?.value;
  if (attach !== undefined) {
    const res = await execute(
      rt.env,
      {
        component: `webhooks.${name}`,
        pointer: `webhooks.${name}.attach`,
        role: 'webhook-section',
        ...(rt.settings.inheritBaseInWebhookSections ? { base: rt.base } : {}),
        inputs: { parameters: st.parameters },
      },
      attach,
      hookCtx(rt, st, conn?.data ?? {}),
    );
    collectSecrets(rt, res.data);
    st.data = res.data;
  }
  rt.webhooks.set(name, st);
  rt.inbox.set(name, []);
  return st;
}

export async function detachWebhook(rt: Runtime, name: string): Promise<void> {
  const st = rt.webhooks.get(name);
  if (!st) throw new MakeError('RuntimeError', `Webhook "${name}" is not attached`);
  rt.webhooks.delete(name);
  const c = findComponent(rt, 'webhook', name);
  const detach = c.codes.detach?.value;
  if (detach === undefined) return;
  const conn = await ensureConnection(rt, c.connection ?? undefined);
  await execute(
    rt.env,
    {
      component: `webhooks.${name}`,
      pointer: `webhooks.${name}.detach`,
      role: 'webhook-section',
      ...(rt.settings.inheritBaseInWebhookSections ? { base: rt.base } : {}),
      inputs: { webhook: st.data },
    },
    detach,
    hookCtx(rt, st, conn?.data ?? {}),
  );
}

/** Waits (real time, bounded) for the next delivery to a webhook. */
export async function nextDelivery(
  rt: Runtime,
  name: string,
  waitMs: number,
): Promise<{ body: Buffer; headers: Record<string, string>; query: Record<string, string>; method: string }> {
  const deadline = Date.now() + waitMs;
  let settled = false;
  for (;;) {
    const list = rt.inbox.get(name) ?? [];
    const d = list.shift();
    if (d) return d;
    if (rt.wire.replaying) {
      const r = rt.wire.takeIncoming();
      if (r) return { body: r.body, headers: r.headers, query: {}, method: 'POST' };
      throw new MakeError(
        'RuntimeError',
        `Replay: the recording holds no further webhook delivery for "${name}"`,
      );
    }
    if (rt.settleDeliveries && !settled) {
      // the embedded API sends deliveries before it answers the request that caused them (or
      // flushes them here): once settled, an empty inbox stays empty, so do not wait out waitMs
      await rt.settleDeliveries();
      settled = true;
      continue;
    }
    if (settled)
      throw new MakeError('RuntimeError', `No webhook delivery reached "${name}": the API sent none`);
    if (Date.now() >= deadline)
      throw new MakeError('RuntimeError', `No webhook delivery reached "${name}" within ${waitMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The webhook's own communication: condition, iterate and output turn one delivery into bundles. */
export function bundlesFromDelivery(
  rt: Runtime,
  name: string,
  d: { body: Buffer; headers: Record<string, string>; query: Record<string, string>; method: string },
): unknown[] {
  const c = findComponent(rt, 'webhook', name);
  const st = rt.webhooks.get(name);
  const api = c.codes.communication?.value;
  const body = parseBody(
    'automatic',
    { 'content-type': d.headers['content-type'] ?? 'application/json' },
    d.body,
  );
  const params = st?.parameters ?? {};
  const ctx: ImlContext = {
    body,
    query: d.query,
    headers: d.headers,
    method: d.method,
    parameters: params,
    data: params,
  };
  if (!isPlainObject(api)) return [body];
  const ev = (v: unknown, x: ImlContext) => rt.env.iml.eval(v, x);
  if (isPlainObject(api.verification) && isTruthy(ev((api.verification as Spec).condition, ctx))) return [];
  if (api.condition !== undefined && !isTruthy(ev(api.condition, ctx))) return [];
  if (api.iterate !== undefined) {
    const it = api.iterate;
    const container = ev(containerTemplate(iterateContainer(it)), ctx);
    const list = Array.isArray(container) ? container : container === undefined ? [] : [container];
    const out: unknown[] = [];
    for (const item of list) {
      const ictx = { ...ctx, item };
      if (isPlainObject(it) && it.condition !== undefined && !isTruthy(ev(it.condition, ictx))) continue;
      out.push(api.output !== undefined ? ev(api.output, ictx) : item);
    }
    return out;
  }
  return [api.output !== undefined ? ev(api.output, ctx) : ctx.body];
}
