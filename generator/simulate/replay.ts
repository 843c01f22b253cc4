/**
 * Replay: a HAR file stands in for the API. A request matches a recorded entry by method, URL and
 * body — compared after the same redaction the recorder applies, so secrets never need to be in the
 * file. Entries are used once, in order; a request with no match is an error, never a silent pass.
 */
import { readFileSync } from 'node:fs';
import { MakeError } from './errors.ts';
import type { HarEntry, HarLog } from './har.ts';
import type { WireResponse } from './http.ts';

/** The --replay file cannot be used (unreadable, not JSON, not HAR). */
export class ReplayFileError extends Error {
  override name = 'ReplayFileError';
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
  }
}

export class ReplaySource {
  private readonly used = new Set<number>();
  constructor(
    readonly har: HarLog,
    readonly file: string,
  ) {}

  static load(file: string): ReplaySource {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new ReplayFileError(`not a readable HAR file (${(e as Error).message})`, file);
    }
    const log = (parsed as HarLog)?.log;
    if (!log || !Array.isArray(log.entries))
      throw new ReplayFileError('not a HAR file (missing log.entries)', file);
    log.entries.forEach((e, i) => {
      const ok =
        typeof e?.request?.method === 'string' &&
        typeof e.request.url === 'string' &&
        Array.isArray(e.request.headers) &&
        typeof e.response?.status === 'number' &&
        Array.isArray(e.response.headers) &&
        typeof e.response.content === 'object' &&
        e.response.content !== null;
      if (!ok)
        throw new ReplayFileError(
          `log.entries[${i}] is not a HAR entry (needs request.method/url/headers and response.status/headers/content)`,
          file,
        );
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
  for (const h of e.response.headers) headers[h.name.toLowerCase()] = h.value;
  const text = e.response.content.text ?? '';
  const body = e.response.content.encoding === 'base64' ? Buffer.from(text, 'base64') : Buffer.from(text);
  return { status: e.response.status, statusText: e.response.statusText, headers, body };
}
