/**
 * Executes one communication (a request or a chain of requests) with Make's processing order
 * (make-iml.md §3.5): repeat → temp → condition → build → HTTP → parse → response.temp → error/valid
 * → iterate/output → pagination → wrapper → limit. Request-less specs skip only the HTTP part.
 */

import type { ImlContext } from '../iml/api.ts';
import { isTruthy } from '../iml/index.ts';
import { isPlainObject } from '../model/index.ts';
import { mergeBase, type Spec } from './base-merge.ts';
import { deepMerge } from './deep-merge.ts';
import { MakeError } from './errors.ts';
import type { ExecEnv, ExecResult, ExecTarget, IteratedItem } from './exec-types.ts';
import { mergePages, shapeOutput } from './output.ts';
import { httpError, invalidError, parseBody, typeForStatus } from './response.ts';
import { sendSpec } from './send.ts';

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
      // A skipped request keeps the chain going; its `condition.default` becomes the output.
      if (one.defaultOutput !== undefined) {
        result.output = one.defaultOutput;
        result.items = undefined;
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

/** One request object's result: the execution result's fields, plus what the next request needs. */
type OneResult = Pick<ExecResult, 'skipped' | 'items' | 'limit' | 'data' | 'expires' | 'metadata' | 'uid'> & {
  output?: unknown;
  /** The `condition` object's `default`, when the condition skipped the request. */
  defaultOutput?: unknown;
  response?: Spec;
  ctx?: ImlContext;
};

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
    const again = isTruthy(env.iml.eval(repeat.condition, { ...ctx, ...(last.ctx ?? {}), temp: ctx.temp }));
    if (!again || n + 1 >= limit) return last;
    const delay = Number(repeat.delay ?? 0);
    if (delay > 0) {
      if (env.settings.repeatDelayOnClock) env.advanceClock(delay);
      else await new Promise((r) => setTimeout(r, delay));
    }
  }
}

type Eval = (v: unknown, c: ImlContext) => unknown;

/** What one request and its pages build up, page after page. */
interface Accumulated {
  pages: { output?: unknown; items?: IteratedItem[] }[];
  itemCount: number;
  data: Record<string, unknown>;
  lastCtx: ImlContext;
  extras: Pick<OneResult, 'expires' | 'metadata' | 'uid'>;
}

/** How the response directives apply to this request (fixed before the first page). */
interface ResponsePlan {
  response: Spec;
  iterating: boolean;
  limit: number | undefined;
}

/** One request object of a communication: temp, condition, then request-less or paged sending. */
async function runOnce(
  env: ExecEnv,
  target: ExecTarget,
  spec: Spec,
  pointer: string,
  ctxIn: ImlContext,
  counters: Counters,
): Promise<OneResult> {
  const temp = ctxIn.temp as Record<string, unknown>;
  const ev: Eval = (v, c) => env.iml.eval(v, c);
  if (spec.temp !== undefined) deepMerge(temp, ev(spec.temp, ctxIn));
  const ctx: ImlContext = { ...ctxIn, temp };

  const skipped = skippedByCondition(spec.condition, ctx, ev);
  if (skipped) return skipped;
  const plan = responsePlan(spec, target, ctx, ev);
  const acc: Accumulated = { pages: [], itemCount: 0, data: {}, lastCtx: ctx, extras: {} };
  if (spec.url === undefined || spec.url === null) runRequestless(env, target, pointer, plan, ctx, acc);
  else await runPages(env, target, spec, pointer, plan, ctx, counters, acc);
  return finalOutput(env, target, plan, acc, temp);
}

/** `condition` false: the request is skipped, and the object form's `default` becomes the output. */
function skippedByCondition(c: unknown, ctx: ImlContext, ev: Eval): OneResult | undefined {
  if (c === undefined) return undefined;
  const cond = isPlainObject(c) ? ev(c.condition, ctx) : ev(c, ctx);
  if (isTruthy(cond)) return undefined;
  const def = isPlainObject(c) && 'default' in c ? ev(c.default, ctx) : undefined;
  return { skipped: true, defaultOutput: def, data: {} };
}

function responsePlan(spec: Spec, target: ExecTarget, ctx: ImlContext, ev: Eval): ResponsePlan {
  const response = isPlainObject(spec.response) ? (spec.response as Spec) : {};
  return {
    response,
    iterating: response.iterate !== undefined && target.role !== 'connection',
    limit:
      response.limit !== undefined && target.role !== 'connection'
        ? evalLimit(ev(response.limit, ctx))
        : undefined,
  };
}

/** Request-less mode: no HTTP, but temp/output/iterate/wrapper still run (make-iml.md §3.4). */
function runRequestless(
  env: ExecEnv,
  target: ExecTarget,
  pointer: string,
  { response, iterating }: ResponsePlan,
  ctx: ImlContext,
  acc: Accumulated,
): void {
  if (!target.allowRequestless)
    throw new MakeError('InvalidConfigurationError', `${pointer}: "url" is required here`);
  const ev: Eval = (v, c) => env.iml.eval(v, c);
  const rctx: ImlContext = { ...ctx, body: undefined };
  if (response.temp !== undefined) deepMerge(ctx.temp as Record<string, unknown>, ev(response.temp, rctx));
  acc.pages.push(shapeOutput(env, response, rctx, iterating));
  acc.lastCtx = rctx;
  if (response.data !== undefined) acc.data = asObject(ev(response.data, rctx));
}

/** Sends the request, then its next pages while `pagination` says so and no cap is reached. */
async function runPages(
  env: ExecEnv,
  target: ExecTarget,
  spec: Spec,
  pointer: string,
  plan: ResponsePlan,
  ctx: ImlContext,
  counters: Counters,
  acc: Accumulated,
): Promise<void> {
  const ev: Eval = (v, c) => env.iml.eval(v, c);
  const temp = ctx.temp as Record<string, unknown>;
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
      if (!isTruthy(ev(pag!.condition, pctx))) break;
    }
    const fetched = await fetchPage(env, target, reqSpec, pointer, plan, pctx, counters, acc);
    if (!pag || lastPage(env, target, plan, pag, page, fetched, acc)) break;
    counters.pages++;
    if (counters.pages > env.settings.maxPaginationRequests) break; // Make stops paging silently at its cap
    page++;
    prev = acc.lastCtx;
  }
}

/** One HTTP exchange: send, parse, check errors and `valid`, shape and record the output. */
async function fetchPage(
  env: ExecEnv,
  target: ExecTarget,
  reqSpec: Spec,
  pointer: string,
  { response, iterating }: ResponsePlan,
  pctx: ImlContext,
  counters: Counters,
  acc: Accumulated,
): Promise<{ pageItems: number; items?: IteratedItem[] }> {
  const ev: Eval = (v, c) => env.iml.eval(v, c);
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
  if (response.temp !== undefined) deepMerge(pctx.temp as Record<string, unknown>, ev(response.temp, rctx));
  if (statusCode >= 400) throw httpError(response.error, statusCode, rctx, ev);
  if (response.valid !== undefined) {
    const v = response.valid;
    const ok = isPlainObject(v) ? ev(v.condition, rctx) : ev(v, rctx);
    if (!isTruthy(ok)) throw invalidError(v, response.error, statusCode, rctx, ev);
  }
  const shaped = shapeOutput(env, response, rctx, iterating);
  acc.pages.push(shaped);
  acc.lastCtx = { ...rctx, iterate: shaped.iterateVars };
  if (response.data !== undefined) deepMerge(acc.data, ev(response.data, acc.lastCtx));
  if (response.expires !== undefined) acc.extras.expires = ev(response.expires, acc.lastCtx);
  if (response.metadata !== undefined) acc.extras.metadata = ev(response.metadata, acc.lastCtx);
  if (response.uid !== undefined) acc.extras.uid = ev(response.uid, acc.lastCtx);
  const pageItems = shaped.items?.length ?? (Array.isArray(shaped.output) ? shaped.output.length : 1);
  acc.itemCount += pageItems;
  return { pageItems, items: shaped.items };
}

/** Whether paging ends after this page: a trigger saw a known item, an empty page, a limit, or the condition. */
function lastPage(
  env: ExecEnv,
  target: ExecTarget,
  { limit }: ResponsePlan,
  pag: Spec,
  page: number,
  { pageItems, items }: { pageItems: number; items?: IteratedItem[] },
  acc: Accumulated,
): boolean {
  if (target.onPage && items && target.onPage(items.map((x) => x.item))) return true;
  if (env.settings.stopOnEmptyPage && pageItems === 0) return true;
  if (limit !== undefined && acc.itemCount >= limit) return true;
  if (acc.itemCount >= env.settings.maxPastRecords) return true; // Make's cap on paginated records, any module
  const ev: Eval = (v, c) => env.iml.eval(v, c);
  return (
    pag.condition !== undefined && !isTruthy(ev(pag.condition, { ...acc.lastCtx, pagination: { page } }))
  );
}

/** Pages merged, capped, wrapped and limited into the request's output. */
function finalOutput(
  env: ExecEnv,
  target: ExecTarget,
  { response, iterating, limit }: ResponsePlan,
  acc: Accumulated,
  temp: Record<string, unknown>,
): OneResult {
  const ev: Eval = (v, c) => env.iml.eval(v, c);
  const merged = mergePages(acc.pages, iterating);
  let output = merged.output;
  if (acc.pages.length > 1 && Array.isArray(output) && output.length > env.settings.maxPastRecords)
    output = output.slice(0, env.settings.maxPastRecords);
  if (response.wrapper !== undefined && target.role !== 'connection')
    output = ev(response.wrapper, { ...acc.lastCtx, temp, output });
  if (limit !== undefined && Array.isArray(output) && target.role !== 'trigger')
    output = output.slice(0, limit);
  return {
    skipped: false,
    output,
    ...(merged.items ? { items: merged.items } : {}),
    ...(limit !== undefined ? { limit } : {}),
    data: acc.data,
    ...acc.extras,
    response,
    ctx: acc.lastCtx,
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
