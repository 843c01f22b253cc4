/**
 * The one place requests leave the simulator: sends through the transport (or takes the answer from
 * a replayed HAR), records the exchange, and hands the response back.
 */
import type { Clock } from '../model/index.ts';
import { MakeError } from './errors.ts';
import { harEntry } from './har.ts';
import type { Transport, WireResponse } from './http.ts';
import type { Exchange, ExchangeMeta, Recorder } from './recorder.ts';
import type { ReplaySource } from './replay.ts';
import type { BuiltRequest } from './request-builder.ts';

export interface WireContext {
  scenario: string;
  step: number;
}

export class Wire {
  /** Exchanges recorded during the current step (the step report lists them). */
  stepExchanges: Exchange[] = [];
  /** What the current step could not simulate faithfully (shown as step warnings). */
  stepWarnings: string[] = [];
  context: WireContext = { scenario: '', step: 0 };
  /** Rewrite response `Date` headers to the simulated clock (off for live runs). */
  simulatedDateHeader = true;

  constructor(
    private readonly transport: Transport | undefined,
    private readonly replay: ReplaySource | undefined,
    readonly recorder: Recorder,
    private readonly clock: Clock,
  ) {}

  /** Records a warning once per step. */
  warn(message: string): void {
    if (!this.stepWarnings.includes(message)) this.stepWarnings.push(message);
  }

  get replaying(): boolean {
    return this.replay !== undefined;
  }

  /** Replay only: the next webhook delivery the recording received. */
  takeIncoming(): { body: Buffer; headers: Record<string, string> } | undefined {
    const d = this.replay?.takeIncoming();
    return d ? { body: Buffer.from(d.body), headers: d.headers } : undefined;
  }

  async send(
    req: BuiltRequest,
    meta: Omit<ExchangeMeta, 'scenario' | 'step'>,
    sanitize: string[],
    timeoutMs: number,
  ): Promise<WireResponse> {
    const ex: Exchange = {
      startedMs: this.clock.now(),
      durationMs: 0,
      request: {
        method: req.method,
        url: req.url,
        headers: req.headers,
        ...(req.body ? { body: req.body } : {}),
        ...(req.mimeType ? { mimeType: req.mimeType } : {}),
      },
      meta: { ...this.context, ...meta },
      sanitize,
    };
    const t0 = performance.now();
    try {
      let res: WireResponse;
      if (this.replay) res = this.replay.take(harEntry(ex, this.recorder));
      else if (this.transport)
        res = await this.transport.send({
          method: req.method,
          url: req.url,
          headers: req.headers,
          ...(req.body ? { body: req.body } : {}),
          timeoutMs,
        });
      else
        throw new MakeError(
          'ConnectionError',
          'No API to send requests to (give an embedded API, a replay HAR, or --live)',
        );
      // The server runs on the simulated clock, but Node stamps `Date` with wall time: show the simulated time.
      if (this.simulatedDateHeader && res.headers.date !== undefined)
        res = { ...res, headers: { ...res.headers, date: new Date(this.clock.now()).toUTCString() } };
      ex.response = res;
      return res;
    } catch (e) {
      ex.networkError = (e as Error).message;
      throw e;
    } finally {
      ex.durationMs = Math.round((performance.now() - t0) * 1000) / 1000;
      this.recorder.add(ex);
      this.stepExchanges.push(ex);
    }
  }

  /** Records a webhook delivery the simulator received (so HAR shows the whole flow and replay can feed it). */
  recordIncoming(
    req: { method: string; url: string; headers: Record<string, string>; body: Buffer },
    meta: Omit<ExchangeMeta, 'scenario' | 'step'>,
    reply: { status: number; headers: Record<string, string>; body: Buffer },
  ): void {
    const ex: Exchange = {
      startedMs: this.clock.now(),
      durationMs: 0,
      request: { ...req, mimeType: req.headers['content-type'] ?? 'application/json' },
      response: { status: reply.status, statusText: '', headers: reply.headers, body: reply.body },
      meta: { ...this.context, ...meta, direction: 'incoming' },
      sanitize: [],
    };
    this.recorder.add(ex);
    this.stepExchanges.push(ex);
  }
}
