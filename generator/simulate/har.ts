/**
 * HAR 1.2 output (http://www.softwareishard.com/blog/har-12-spec/). Custom fields start with `_`:
 * each entry's `_makeApp` says which component and directive produced it, the scenario step and the
 * IML inputs; `log._makeApp` keeps the non-secret client id so a replay can rebuild the same requests.
 */
import type { Exchange, Recorder } from './recorder.ts';
import { viewOf, withoutBodies } from './recorder.ts';
import { redactByName } from './redact-names.ts';

export interface HarLog {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    pages: { id: string; title: string; startedDateTime: string; pageTimings: Record<string, number> }[];
    entries: HarEntry[];
    _makeApp?: { clientId?: string; redirectUri?: string };
  };
}

export interface HarEntry {
  pageref?: string;
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: unknown[];
    headers: { name: string; value: string }[];
    queryString: { name: string; value: string }[];
    postData?: { mimeType: string; text: string };
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: unknown[];
    headers: { name: string; value: string }[];
    content: { size: number; mimeType: string; text?: string; encoding?: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
    _error?: string;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  _makeApp: {
    component: string;
    pointer: string;
    scenario: string;
    step: number;
    direction: 'outgoing' | 'incoming';
    inputs?: unknown;
  };
}

const pairs = (o: Record<string, string | string[]>) =>
  Object.entries(o).flatMap(([name, v]) => (Array.isArray(v) ? v : [v]).map((value) => ({ name, value })));

export function harEntry(ex: Exchange, recorder: Recorder): HarEntry {
  const v = viewOf(ex, recorder.secrets);
  const query = new URLSearchParams();
  for (const { name, value } of pairs(v.query)) query.append(name, value);
  const qs = query.toString();
  const entry: HarEntry = {
    pageref: ex.meta.scenario,
    startedDateTime: new Date(ex.startedMs).toISOString(),
    time: ex.durationMs,
    request: {
      method: v.method,
      url: qs ? `${v.url}?${qs}` : v.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(v.requestHeaders),
      queryString: pairs(v.query),
      headersSize: -1,
      bodySize: ex.request.body?.length ?? 0,
    },
    response: {
      status: v.status ?? 0,
      statusText: v.statusText ?? '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(v.responseHeaders),
      content: { size: v.responseSize, mimeType: v.responseMime ?? 'x-unknown' },
      redirectURL: v.responseHeaders.location ?? '',
      headersSize: -1,
      bodySize: v.responseSize,
    },
    cache: {},
    timings: { send: 0, wait: ex.durationMs, receive: 0 },
    _makeApp: {
      component: ex.meta.component,
      pointer: ex.meta.pointer,
      scenario: ex.meta.scenario,
      step: ex.meta.step,
      direction: ex.meta.direction ?? 'outgoing',
      ...(ex.meta.inputs !== undefined
        ? {
            inputs: recorder.secrets.redactDeep(
              redactByName(ex.meta.inputs, recorder.secrets.kept, (v) => recorder.secrets.add(v)),
            ),
          }
        : {}),
    },
  };
  if (v.requestBodyText !== undefined)
    entry.request.postData = {
      mimeType: v.requestMime ?? 'application/octet-stream',
      text: v.requestBodyText,
    };
  if (v.responseText !== undefined) entry.response.content.text = v.responseText;
  if (v.responseEncoding) entry.response.content.encoding = v.responseEncoding;
  if (v.networkError) entry.response._error = v.networkError;
  return entry;
}

/** An exchange whose bodies cannot be processed (pathologically deep) is still recorded, without them. */
function safeEntry(ex: Exchange, recorder: Recorder): HarEntry {
  try {
    return harEntry(ex, recorder);
  } catch {
    return harEntry(withoutBodies(ex), recorder);
  }
}

export function buildHar(
  recorder: Recorder,
  opts: { scenarios: { name: string; startedMs: number }[]; clientId?: string; redirectUri?: string },
): HarLog {
  return {
    log: {
      version: '1.2',
      creator: { name: 'make-app simulate', version: '0.1.0' },
      // One page per scenario name (page ids must be unique; entries refer to them by name).
      pages: opts.scenarios
        .filter((s, i, all) => all.findIndex((o) => o.name === s.name) === i)
        .map((s) => ({
          id: s.name,
          title: s.name,
          startedDateTime: new Date(s.startedMs).toISOString(),
          pageTimings: {},
        })),
      entries: recorder.exchanges.map((ex) => safeEntry(ex, recorder)),
      _makeApp: {
        ...(opts.clientId ? { clientId: opts.clientId } : {}),
        ...(opts.redirectUri ? { redirectUri: opts.redirectUri } : {}),
      },
    },
  };
}
