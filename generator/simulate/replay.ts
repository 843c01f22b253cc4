/**
 * Replay: a HAR file stands in for the API. A request matches a recorded entry by method, URL and
 * body — compared after the same redaction the recorder applies, so secrets never need to be in the
 * file. Entries are used once, in order; a request with no match is an error, never a silent pass.
 */
import { readFileSync } from 'node:fs';
import { parseJsonDocument } from '../load/index.ts';
import { setOwn } from '../model/index.ts';
import { MakeError } from './errors.ts';
import type { HarEntry, HarLog } from './har.ts';
import type { WireResponse } from './http.ts';

/** The --replay file cannot be used (unreadable, not JSON, not HAR). */
export class ReplayFileError extends Error {
  override name = 'ReplayFileError';
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

/** Where a JSON syntax error is, as line and column (the one loader's parser knows). */
function syntaxPosition(text: string, file: string): { line?: number; column?: number; message?: string } {
  const bad = parseJsonDocument(text, file).diagnostics.find((d) => d.severity === 'error');
  return bad ? { line: bad.line, column: bad.column, message: bad.message } : {};
}

const isHeaderList = (v: unknown) =>
  Array.isArray(v) && v.every((h) => typeof h?.name === 'string' && typeof h.value === 'string');

/** The first field of an entry that replay would trip over later (path inside the entry); undefined when fine. */
function entryProblem(e: HarEntry | null | undefined): string | undefined {
  const req = e?.request;
  const res = e?.response;
  if (typeof req?.method !== 'string') return `request.method must be a string`;
  if (typeof req.url !== 'string') return `request.url must be a string`;
  if (!Array.isArray(req.headers)) return `request.headers must be an array`;
  const badReq = req.headers.findIndex((h) => !isHeaderList([h]));
  if (badReq >= 0) return `request.headers[${badReq}] must be {"name": string, "value": string}`;
  if (
    req.postData !== undefined &&
    (req.postData === null || (req.postData.text !== undefined && typeof req.postData.text !== 'string'))
  )
    return `request.postData.text must be a string`;
  if (typeof res?.status !== 'number') return `response.status must be a number`;
  if (!Array.isArray(res.headers)) return `response.headers must be an array`;
  const badRes = res.headers.findIndex((h) => !isHeaderList([h]));
  if (badRes >= 0) return `response.headers[${badRes}] must be {"name": string, "value": string}`;
  if (typeof res.content !== 'object' || res.content === null) return `response.content must be an object`;
  if (res.content.text !== undefined && typeof res.content.text !== 'string')
    return `response.content.text must be a string`;
  return undefined;
}

export class ReplaySource {
  private readonly used = new Set<number>();
  constructor(
    readonly har: HarLog,
    readonly file: string,
  ) {}

  static load(file: string): ReplaySource {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new ReplayFileError(`not a readable HAR file (${(e as Error).message})`, file);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      const at = syntaxPosition(text, file);
      throw new ReplayFileError(
        `not a readable HAR file (${at.message ?? (e as Error).message})`,
        file,
        at.line,
        at.column,
      );
    }
    const log = (parsed as HarLog)?.log;
    if (!log || !Array.isArray(log.entries))
      throw new ReplayFileError('not a HAR file (missing log.entries)', file);
    log.entries.forEach((e, i) => {
      const problem = entryProblem(e);
      if (problem) throw new ReplayFileError(`log.entries[${i}] is not a HAR entry (${problem})`, file);
    });
    return new ReplaySource(parsed as HarLog, file);
  }

  get clientId(): string | undefined {
    return this.har.log._makeApp?.clientId;
  }
  get redirectUri(): string | undefined {
    return this.har.log._makeApp?.redirectUri;
  }

  static key(method: string, url: string, body: string | undefined): string {
    return `${method.toUpperCase()} ${url}\n${body ?? ''}`;
  }

  /** The recorded response for a request (given as its redacted HAR form). */
  take(probe: HarEntry): WireResponse {
    const want = ReplaySource.key(probe.request.method, probe.request.url, probe.request.postData?.text);
    const entries = this.har.log.entries;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      if (this.used.has(i) || (e._makeApp?.direction ?? 'outgoing') !== 'outgoing') continue;
      if (ReplaySource.key(e.request.method, e.request.url, e.request.postData?.text) !== want) continue;
      this.used.add(i);
      return toResponse(e);
    }
    throw new MakeError(
      'ConnectionError',
      `Replay: no unused entry in ${this.file} matches ${probe.request.method} ${probe.request.url}${
        probe.request.postData ? ' with this body' : ''
      }`,
    );
  }

  /** The next recorded incoming webhook delivery (body text and headers), if any. */
  takeIncoming(): { body: string; headers: Record<string, string> } | undefined {
    const entries = this.har.log.entries;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      if (this.used.has(i) || e._makeApp?.direction !== 'incoming') continue;
      this.used.add(i);
      return {
        body: e.request.postData?.text ?? '',
        headers: Object.fromEntries(e.request.headers.map((h) => [h.name.toLowerCase(), h.value])),
      };
    }
    return undefined;
  }
}

function toResponse(e: HarEntry): WireResponse {
  if (e.response._error) throw new MakeError('ConnectionError', e.response._error);
  const headers: Record<string, string> = {};
  for (const h of e.response.headers) setOwn(headers, h.name.toLowerCase(), h.value);
  const text = e.response.content.text ?? '';
  const body = e.response.content.encoding === 'base64' ? Buffer.from(text, 'base64') : Buffer.from(text);
  return { status: e.response.status, statusText: e.response.statusText, headers, body };
}
