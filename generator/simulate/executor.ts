/**
 * Executes one communication (a request or a chain of requests) with Make's processing order
 * (make-iml.md §3.5): repeat → temp → condition → build → HTTP → parse → response.temp → error/valid
 * → iterate/output → pagination → wrapper → limit. Request-less specs skip only the HTTP part.
 */
import type { ImlContext } from '../iml/api.ts';
import { isPlainObject, joinUrl, mergeBase, type Spec, sanitizeList } from './base-merge.ts';
import { MakeError } from './errors.ts';
import type { WireResponse } from './http.ts';
import type { ImlEnv } from './iml.ts';
import { buildRequest } from './request-builder.ts';
import { httpError, invalidError, parseBody, typeForStatus } from './response.ts';
import type { SimulatorSettings } from './settings.ts';
import { deepMerge, truthy } from './temp.ts';
import type { Wire } from './wire.ts';

export interface ExecEnv {
  iml: ImlEnv;
  wire: Wire;
  settings: SimulatorSettings;
  advanceClock: (ms: number) => void;
  /** Seed for multipart boundaries (deterministic output). */
  nextSeed: () => number;
}

export interface ExecTarget {
  /** `modules.searchMovies` */
  component: string;
  /** `modules.searchMovies.communication` (array index appended per request) */
  pointer: string;
  /** Base to merge (modules and RPCs only). */
  base?: Spec;
  /** Which directives apply: connection sections have no pagination/iterate/output/limit. */
  role: 'module' | 'trigger' | 'rpc' | 'connection' | 'webhook-section' | 'instant';
  /** IML inputs recorded with each request. */
  inputs?: unknown;
  /** Extra sanitize paths (e.g. connection-level ones). */
  sanitize?: string[];
  /** Whether a missing `url` is allowed (request-less mode). */
  allowRequestless?: boolean;
  /**
   * Trigger hook: called with each page's raw items; returning true stops paginating
   * (a known item was reached).
   */
  onPage?: (items: unknown[]) => boolean;
}

export interface IteratedItem {
  item: unknown;
  output: unknown;
}

export interface ExecResult {
  /** The component output after wrapper and limit. */
  output: unknown;
  /** When the last request iterated: each raw item with its output (before wrapper/limit). */
  items?: IteratedItem[];
  /** The evaluated `limit` of the last request (undefined when not set). */
  limit?: number;
  /** Merged `response.data` of every request. */
  data: Record<string, unknown>;
  /** Last evaluated `response.expires`, `metadata`, `uid`. */
  expires?: unknown;
  metadata?: unknown;
  uid?: unknown;
  /** The last request's (merged) response spec and its final IML context (for trigger bookkeeping). */
  lastResponse?: Spec;
  lastCtx?: ImlContext;
  /** True when every request was skipped by its condition. */
  skipped: boolean;
  temp: Record<string, unknown>;
}

interface Counters {
  requests: number;
  pages: number;
}

export async function execute(
  env: ExecEnv,
  target: ExecTarget,
  comm: unknown,
  ctx: ImlContext,
): Promise<ExecResult> {
  const specs = Array.isArray(comm) ? comm : [comm];
  const temp: Record<string, unknown> = isPlainObject(ctx.temp) ? (ctx.temp as Record<string, unknown>) : {};
  const counters: Counters = { requests: 0, pages: 0 };
  const result: ExecResult = { output: undefined, data: {}, skipped: true, temp };
  for (let i = 0; i < specs.length; i++) {
    const raw = specs[i];
    if (!isPlainObject(raw))
      throw new MakeError('InvalidConfigurationError', `${target.pointer}: a request must be an object`);
    const spec = target.base ? mergeBase(target.base, raw, env.settings) : raw;
    const pointer = Array.isArray(comm) ? `${target.pointer}[${i}]` : target.pointer;
    const one = await runWithRepeat(env, target, spec, pointer, { ...ctx, temp }, counters);
    deepMerge(result.data, one.data);
    if (one.skipped) {
      if (one.defaultOutput !== undefined || i === specs.length - 1) {
        if (one.defaultOutput !== undefined) {
          result.output = one.defaultOutput;
          result.items = undefined;
        }
      }
      continue;
    }
    result.skipped = false;
    result.output = one.output;
    result.items = one.items;
    result.limit = one.limit;
    result.lastResponse = one.response;
    result.lastCtx = one.ctx;
    if (one.expires !== undefined) result.expires = one.expires;
    if (one.metadata !== undefined) result.metadata = one.metadata;
    if (one.uid !== undefined) result.uid = one.uid;
  }
  return result;
}

interface OneResult {
  skipped: boolean;
  defaultOutput?: unknown;
  output?: unknown;
  items?: IteratedItem[];
  limit?: number;
  data: Record<string, unknown>;
  expires?: unknown;
  metadata?: unknown;
  uid?: unknown;
  response?: Spec;
  ctx?: ImlContext;
}

async function runWithRepeat(
  env: ExecEnv,
  target: ExecTarget,
  spec: Spec,
  pointer: string,
  ctx: ImlContext,
  counters: Counters,
): Promise<OneResult> {
  const repeat = isPlainObject(spec.repeat ?? spec.while) ? ((spec.repeat ?? spec.while) as Spec) : undefined;
  const limit = Math.min(Number(repeat?.limit ?? env.settings.maxRepeat) || 1, env.settings.maxRepeat);
  let last: OneResult = { skipped: true, data: {} };
  for (let n = 0; ; n++) {
    last = await runOnce(env, target, spec, pointer, ctx, counters);
    if (!repeat || last.skipped) return last;
    const again = truthy(env.iml.eval(repeat.condition, { ...ctx, ...(last.ctx ?? {}), temp: ctx.temp }));
    if (!again || n + 1 >= limit) return last;
    const delay = Number(repeat.delay ?? 0);
    if (delay > 0) {
      if (env.settings.repeatDelayOnClock) env.advanceClock(delay);
      else await new Promise((r) => setTimeout(r, delay));
    }
  }
}

async function runOnce(
  env: ExecEnv,
  target: ExecTarget,
  spec: Spec,
  pointer: string,
  ctxIn: ImlContext,
  counters: Counters,
): Promise<OneResult> {
  const temp = ctxIn.temp as Record<string, unknown>;
  const ev = (v: unknown, c: ImlContext) => env.iml.eval(v, c);
  if (spec.temp !== undefined) deepMerge(temp, ev(spec.temp, ctxIn));
  const ctx: ImlContext = { ...ctxIn, temp };

  if (spec.condition !== undefined) {
    const c = spec.condition;
    const cond = isPlainObject(c) ? ev(c.condition, ctx) : ev(c, ctx);
    if (!truthy(cond)) {
      const def = isPlainObject(c) && 'default' in c ? ev(c.default, ctx) : undefined;
      return { skipped: true, defaultOutput: def, data: {} };
    }
  }
  const response = isPlainObject(spec.response) ? (spec.response as Spec) : {};
  const iterating = response.iterate !== undefined && target.role !== 'connection';
  const limit =
    response.limit !== undefined && target.role !== 'connection'
      ? evalLimit(ev(response.limit, ctx))
      : undefined;

  const pages: { output?: unknown; items?: IteratedItem[] }[] = [];
  let itemCount = 0;
  let data: Record<string, unknown> = {};
  let lastCtx: ImlContext = ctx;
  const extras: Pick<OneResult, 'expires' | 'metadata' | 'uid'> = {};

  if (spec.url === undefined || spec.url === null) {
    if (!target.allowRequestless)
      throw new MakeError('InvalidConfigurationError', `${pointer}: "url" is required here`);
    // Request-less mode: no HTTP, but temp/output/iterate/wrapper still run (make-iml.md §3.4).
    const rctx: ImlContext = { ...ctx, body: undefined };
    if (response.temp !== undefined) deepMerge(temp, ev(response.temp, rctx));
    pages.push(shapeOutput(env, response, rctx, iterating));
    lastCtx = rctx;
    if (response.data !== undefined) data = asObject(ev(response.data, rctx));
  } else {
    const pag =
      isPlainObject(spec.pagination) && canPaginate(target.role) ? (spec.pagination as Spec) : undefined;
    let page = 1;
    let prev: ImlContext | undefined;
    for (;;) {
      const reqSpec = page === 1 || !pag ? spec : paginatedSpec(spec, pag);
      const pctx: ImlContext = {
        ...ctx,
        ...(prev ? pickResponseVars(prev) : {}),
        temp,
        pagination: { page },
      };
      if (page > 1 && env.settings.paginationDoubleCheck && pag!.condition !== undefined) {
        if (!truthy(ev(pag!.condition, pctx))) break;
      }
      counters.requests++;
      if (counters.requests > env.settings.maxRequestsPerExecution)
        throw new MakeError(
          'RuntimeError',
          `Request limit exceeded: more than ${env.settings.maxRequestsPerExecution} requests in one execution`,
        );
      const res = await sendSpec(env, target, reqSpec, pointer, pctx);
      const statusCode = res.status;
      const headers = res.headers;
      const rtype = typeForStatus(ev(response.type, { ...pctx, statusCode, headers }), statusCode);
      const rawBody =
        statusCode >= 400 ? safeParse(rtype, headers, res.body) : parseBody(rtype, headers, res.body);
      const rctx: ImlContext = { ...pctx, body: rawBody, headers, statusCode };
      if (response.temp !== undefined) deepMerge(temp, ev(response.temp, rctx));
      if (statusCode >= 400) throw httpError(response.error, statusCode, rctx, ev);
      if (response.valid !== undefined) {
        const v = response.valid;
        const ok = isPlainObject(v) ? ev(v.condition, rctx) : ev(v, rctx);
        if (!truthy(ok)) throw invalidError(v, response.error, statusCode, rctx, ev);
      }
      const shaped = shapeOutput(env, response, rctx, iterating);
      pages.push(shaped);
      lastCtx = { ...rctx, iterate: shaped.iterateVars };
      if (response.data !== undefined) deepMerge(data, ev(response.data, lastCtx));
      if (response.expires !== undefined) extras.expires = ev(response.expires, lastCtx);
      if (response.metadata !== undefined) extras.metadata = ev(response.metadata, lastCtx);
      if (response.uid !== undefined) extras.uid = ev(response.uid, lastCtx);
      const pageItems = shaped.items?.length ?? (Array.isArray(shaped.output) ? shaped.output.length : 1);
      itemCount += pageItems;
      if (!pag) break;
      if (target.onPage && shaped.items && target.onPage(shaped.items.map((x) => x.item))) break;
      if (env.settings.stopOnEmptyPage && pageItems === 0) break;
      if (limit !== undefined && itemCount >= limit) break;
      if (target.role === 'trigger' && itemCount >= env.settings.maxPastRecords) break;
      if (pag.condition !== undefined && !truthy(ev(pag.condition, { ...lastCtx, pagination: { page } })))
        break;
      counters.pages++;
      if (counters.pages > env.settings.maxPaginationRequests) break; // Make stops paging silently at its cap
      page++;
      prev = lastCtx;
    }
  }
  const merged = mergePages(pages, iterating);
  let output = merged.output;
  if (response.wrapper !== undefined && target.role !== 'connection')
    output = ev(response.wrapper, { ...lastCtx, temp, output });
  if (limit !== undefined && Array.isArray(output) && target.role !== 'trigger')
    output = output.slice(0, limit);
  return {
    skipped: false,
    output,
    ...(merged.items ? { items: merged.items } : {}),
    ...(limit !== undefined ? { limit } : {}),
    data,
    ...extras,
    response,
    ctx: lastCtx,
  };
}

function canPaginate(role: ExecTarget['role']): boolean {
  return role === 'module' || role === 'trigger' || role === 'rpc';
}

function evalLimit(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n))
    throw new MakeError('InvalidConfigurationError', `"limit" is not a number: ${String(v)}`);
  if (n === 0) throw new MakeError('InvalidConfigurationError', '"limit" must not be 0');
  return Math.floor(n);
}

function asObject(v: unknown): Record<string, unknown> {
  return isPlainObject(v) ? v : {};
}

function safeParse(type: unknown, headers: Record<string, string>, body: Buffer): unknown {
  try {
    return parseBody(type, headers, body);
  } catch {
    return body.toString('utf8');
  }
}

function pickResponseVars(c: ImlContext): ImlContext {
  return { body: c.body, headers: c.headers, statusCode: c.statusCode, iterate: c.iterate };
}

/** The request for page 2+: url/method/body replace; headers/qs merge over the parent's when mergeWithParent. */
function paginatedSpec(spec: Spec, pag: Spec): Spec {
  const merge = pag.mergeWithParent !== false;
  const out: Spec = merge
    ? { ...spec }
    : { url: spec.url, method: spec.method, type: spec.type, response: spec.response };
  for (const k of ['url', 'method', 'body'] as const) if (pag[k] !== undefined) out[k] = pag[k];
  for (const k of ['headers', 'qs'] as const) {
    if (pag[k] === undefined) continue;
    out[k] =
      merge && isPlainObject(spec[k]) && isPlainObject(pag[k])
        ? { ...(spec[k] as Spec), ...(pag[k] as Spec) }
        : pag[k];
  }
  if (!merge) out.baseUrl = spec.baseUrl;
  return out;
}

function shapeOutput(
  env: ExecEnv,
  response: Spec,
  rctx: ImlContext,
  iterating: boolean,
): { output?: unknown; items?: IteratedItem[]; iterateVars?: unknown } {
  const ev = (v: unknown, c: ImlContext) => env.iml.eval(v, c);
  if (!iterating) {
    const output = response.output !== undefined ? ev(response.output, rctx) : rctx.body;
    return { output };
  }
  const it = response.iterate;
  const containerSrc = isPlainObject(it) ? it.container : it;
  const container = ev(asTemplate(containerSrc), rctx);
  let list: unknown[];
  if (Array.isArray(container)) list = container;
  else if (container === undefined || container === null) list = [];
  else throw new MakeError('RuntimeError', 'The iterate container is not an array.');
  const iterateVars = { container: { first: list[0], last: list[list.length - 1] } };
  const items: IteratedItem[] = [];
  for (const item of list) {
    const ictx = { ...rctx, item, iterate: iterateVars };
    if (isPlainObject(it) && it.condition !== undefined && !truthy(ev(it.condition, ictx))) continue;
    items.push({ item, output: response.output !== undefined ? ev(response.output, ictx) : item });
  }
  return { items, output: items.map((x) => x.output), iterateVars };
}

/** `"body.data"` without braces is accepted as a path (docs show both forms). */
function asTemplate(src: unknown): unknown {
  if (typeof src === 'string' && !src.includes('{{')) return `{{${src}}}`;
  return src;
}

function mergePages(
  pages: { output?: unknown; items?: IteratedItem[] }[],
  iterating: boolean,
): { output: unknown; items?: IteratedItem[] } {
  if (iterating) {
    const items = pages.flatMap((p) => p.items ?? []);
    return { output: items.map((x) => x.output), items };
  }
  if (pages.length === 1) return { output: pages[0].output };
  const out: unknown[] = [];
  for (const p of pages) {
    if (Array.isArray(p.output)) out.push(...p.output);
    else if (p.output !== undefined) out.push(p.output);
  }
  return { output: out };
}

/** Evaluates the request directives, builds the bytes and sends them (following redirects). */
async function sendSpec(
  env: ExecEnv,
  target: ExecTarget,
  spec: Spec,
  pointer: string,
  ctx: ImlContext,
): Promise<WireResponse> {
  const ev = (v: unknown) => env.iml.eval(v, ctx);
  const urlValue = ev(spec.url);
  if (typeof urlValue !== 'string' || urlValue === '')
    throw new MakeError(
      'InvalidConfigurationError',
      `${pointer}: "url" evaluated to ${JSON.stringify(urlValue)}`,
    );
  const baseUrl = spec.baseUrl !== undefined ? ev(spec.baseUrl) : undefined;
  const headersV = spec.headers !== undefined ? ev(spec.headers) : {};
  const qsV = spec.qs !== undefined ? ev(spec.qs) : undefined;
  const built = buildRequest(
    {
      url: joinUrl(baseUrl, urlValue),
      method: String(ev(spec.method ?? 'GET') ?? 'GET'),
      headers: isPlainObject(headersV) ? headersV : {},
      qs: isPlainObject(qsV) ? qsV : undefined,
      body: spec.body !== undefined ? ev(spec.body) : undefined,
      type: String(ev(spec.type ?? 'json') ?? 'json'),
      encodeUrl: spec.encodeUrl !== false,
    },
    { qsReplacesUrlQuery: env.settings.qsReplacesUrlQuery, boundarySeed: env.nextSeed() },
  );
  const sanitize = [...sanitizeList(spec), ...(target.sanitize ?? [])];
  const timeout = Math.min(
    Number(spec.timeout ?? env.settings.requestTimeoutMs) || env.settings.requestTimeoutMs,
    300_000,
  );
  const follow = built.method === 'GET' ? spec.followRedirects !== false : spec.followAllRedirects !== false;
  let req = built;
  for (let hops = 0; ; hops++) {
    const res = await env.wire.send(
      req,
      { component: target.component, pointer, inputs: target.inputs },
      sanitize,
      timeout,
    );
    const location = res.headers.location;
    if (!follow || res.status < 300 || res.status >= 400 || !location) return res;
    if (hops + 1 > env.settings.maxRedirects)
      throw new MakeError('RuntimeError', `Too many redirects (more than ${env.settings.maxRedirects})`);
    const next = new URL(location, req.url).toString();
    const toGet = res.status === 303 || ((res.status === 301 || res.status === 302) && req.method === 'POST');
    req = toGet
      ? { method: 'GET', url: next, headers: withoutBodyHeaders(req.headers) }
      : { ...req, url: next };
  }
}

function withoutBodyHeaders(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).filter(([k]) => !/^content-(type|length)$/i.test(k)));
}
