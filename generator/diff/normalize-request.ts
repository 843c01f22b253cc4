import type { CodeFile } from '../model/app.ts';
import { containerTemplate } from '../model/bare-iml.ts';
import { isObject, type RequestDirective } from '../model/index.ts';
import { joinUrl } from '../model/join-url.ts';
import { toPointer } from '../model/location.ts';
import { setKey } from './own-key.ts';
import type { Path, Tracker } from './tracked.ts';

/** How a request is used decides which of Make's defaults apply. */
export interface RequestContext {
  /** Base URL that relative URLs join (modules and RPCs only; connections and webhooks do not inherit base). */
  baseUrl?: string;
  /** `module`/`rpc` responses default `output` to `{{body}}` / `{{item}}`; connection sections have no output. */
  hasOutput: boolean;
}

const BODYLESS = new Set(['GET']);

/** The directives normalizeRequest writes out itself; any other key is copied as written. */
const NORMALISED: ReadonlySet<string> = new Set<RequestDirective>([
  'url',
  'method',
  'headers',
  'qs',
  'body',
  'type',
  'encodeUrl',
  'followRedirects',
  'followAllRedirects',
  'condition',
  'response',
  'pagination',
  'log',
  'temp',
]);

/**
 * One request specification with Make's defaults written out (§3–§5 of the reference):
 * method GET, type json (dropped with the body for GET, where Make ignores both), encodeUrl and
 * redirects true, qs/headers {} when absent, header names lower-cased, an empty body the same as
 * none, `condition: true` the same as no condition, response type automatic, output body/item,
 * pagination mergeWithParent true, log.sanitize as a lower-cased set.
 */
export function normalizeRequest(
  raw: unknown,
  code: CodeFile | undefined,
  src: Path,
  dst: Path,
  t: Tracker,
  ctx: RequestContext,
): unknown {
  if (!isObject(raw)) return t.copy(raw, code, src, dst);
  t.mark(dst, code, ptr(src));
  const out: Record<string, unknown> = {};
  const at = (k: string) => [...src, k];
  const to = (k: string) => [...dst, k];

  const hasUrl = raw.url !== undefined;
  if (hasUrl) {
    t.mark(to('url'), code, ptr(at('url')));
    out.url = t.copy(joinBaseUrl(ctx.baseUrl, raw.url), undefined, at('url'), to('url'));
  }
  const method = typeof raw.method === 'string' ? raw.method.toUpperCase() : 'GET';
  t.mark(to('method'), code, ptr(raw.method === undefined ? src : at('method')));
  out.method = t.copy(method, undefined, [], to('method'));

  out.headers = flatObject(raw.headers, code, at('headers'), to('headers'), t, true);
  out.qs = scopesAsSet(flatObject(raw.qs, code, at('qs'), to('qs'), t, false));

  if (!BODYLESS.has(method)) {
    const body = raw.body;
    const empty = body === undefined || (isObject(body) && Object.keys(body).length === 0);
    if (!empty) out.body = scopesAsSet(t.copy(body, code, at('body'), to('body')));
    t.mark(to('type'), code, ptr(raw.type === undefined ? src : at('type')));
    out.type = raw.type === undefined ? 'json' : t.copy(raw.type, code, at('type'), to('type'));
  }
  for (const [k, def] of [
    ['encodeUrl', true],
    ['followRedirects', true],
    ['followAllRedirects', true],
  ] as const) {
    t.mark(to(k), code, ptr(raw[k] === undefined ? src : at(k)));
    out[k] = raw[k] === undefined ? def : t.copy(raw[k], code, at(k), to(k));
  }
  if (raw.condition !== undefined) {
    const c = t.copy(raw.condition, code, at('condition'), to('condition'));
    if (c !== true) out.condition = c;
  }
  if (raw.temp !== undefined) out.temp = t.copy(raw.temp, code, at('temp'), to('temp'));
  if (raw.response !== undefined || ctx.hasOutput) {
    out.response = normalizeResponse(raw.response, code, at('response'), to('response'), t, ctx);
  }
  if (raw.pagination !== undefined) {
    const p = t.copy(raw.pagination, code, at('pagination'), to('pagination'));
    if (isObject(p)) {
      if (p.mergeWithParent === undefined) p.mergeWithParent = true;
      for (const k of ['headers', 'qs'] as const)
        if (isObject(p[k])) p[k] = lowerKeys(p[k] as Record<string, unknown>, k === 'headers');
    }
    out.pagination = p;
  }
  if (raw.log !== undefined) {
    const log = t.copy(raw.log, code, at('log'), to('log'));
    if (isObject(log) && Array.isArray(log.sanitize)) {
      log.sanitize = [...new Set(log.sanitize.map((s) => String(s).toLowerCase()))].sort();
    }
    out.log = log;
  }
  for (const k of Object.keys(raw).sort()) {
    if (!NORMALISED.has(k)) setKey(out, k, t.copy(raw[k], code, at(k), to(k)));
  }
  return out;
}

function normalizeResponse(
  raw: unknown,
  code: CodeFile | undefined,
  src: Path,
  dst: Path,
  t: Tracker,
  ctx: RequestContext,
): unknown {
  const copied = raw === undefined ? {} : t.copy(raw, code, src, dst);
  if (!isObject(copied)) return copied;
  if (raw === undefined) t.mark(dst, code, ptr(src.slice(0, -1)));
  const r = copied;
  if (r.type === undefined) r.type = 'automatic';
  if (r.valid === true) delete r.valid;
  // `iterate: "{{body.items}}"` and `iterate: {container: "{{body.items}}"}` are the same.
  if (typeof r.iterate === 'string') r.iterate = { container: r.iterate };
  // a container written without braces (`"body.items"`) is the same as `{{body.items}}`
  if (isObject(r.iterate) && r.iterate.container !== undefined)
    r.iterate.container = containerTemplate(r.iterate.container);
  if (ctx.hasOutput && r.output === undefined) r.output = r.iterate !== undefined ? '{{item}}' : '{{body}}';
  if (r.wrapper === '{{output}}') delete r.wrapper;
  return r;
}

function flatObject(
  raw: unknown,
  code: CodeFile | undefined,
  src: Path,
  dst: Path,
  t: Tracker,
  lower: boolean,
) {
  if (raw === undefined) {
    t.mark(dst, code, ptr(src.slice(0, -1)));
    return {};
  }
  if (!isObject(raw)) return t.copy(raw, code, src, dst);
  t.mark(dst, code, ptr(src));
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(raw).sort()) {
    const name = lower ? k.toLowerCase() : k;
    setKey(out, name, t.copy(raw[k], code, [...src, k], [...dst, name]));
  }
  return out;
}

function lowerKeys(o: Record<string, unknown>, lower: boolean): Record<string, unknown> {
  if (!lower) return o;
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v]));
}

/** A literal `scope: "connect read"` is a set of scopes: order and separators do not count. */
function scopesAsSet(v: unknown): unknown {
  if (isObject(v) && typeof v.scope === 'string' && !v.scope.includes('{{')) {
    v.scope = [...new Set(v.scope.split(/[\s,+]+/).filter(Boolean))].sort();
  }
  return v;
}

/**
 * Relative URLs join the base URL as Make joins them. A URL that starts with IML may evaluate to
 * an absolute URL, so it is left as written.
 */
function joinBaseUrl(baseUrl: string | undefined, url: unknown): unknown {
  if (typeof url !== 'string' || baseUrl === undefined || url.startsWith('{{')) return url;
  return joinUrl(baseUrl, url);
}

const ptr = (path: Path): string => toPointer(path);
