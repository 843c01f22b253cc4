import type { Clock } from '../../model/clock.ts';
import { isoSeconds } from '../data/movie.ts';
import type { Account } from '../data/store.ts';
import type { WebhookDelivery, WebhookEvent } from '../types.ts';
import { httpsOrLoopbackProblem, isLoopbackUrl } from '../urls.ts';

export interface WebhookDeliveryOptions {
  /**
   * Maps a registered URL to where the POST really goes (e.g. a simulator maps
   * `https://hook.eu1.make.com/abc` to its loopback receiver). Return null to keep the URL.
   */
  resolveUrl?: (url: string) => string | null;
  /** Send to non-loopback hosts too (default false: such deliveries are recorded as skipped). */
  allowExternal?: boolean;
  /** Per-delivery timeout (default 5000 ms). */
  timeoutMs?: number;
  /** 'await' (default): the API answers after the delivery finished; 'background': it does not wait. */
  mode?: 'await' | 'background';
}

/** Registrable webhook URLs: any https URL, or http on a loopback host (for local receivers). */
export function webhookUrlProblem(raw: unknown): string | null {
  return httpsOrLoopbackProblem('url', raw);
}

/** Sends the owner's movie events to their webhook, once, without retries, recording each attempt. */
export class WebhookDispatcher {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly clock: Clock,
    private readonly log: WebhookDelivery[],
    private readonly options: WebhookDeliveryOptions = {},
  ) {}

  async notify(account: Account, event: WebhookEvent, movie: Record<string, unknown>): Promise<void> {
    const hook = account.webhook;
    if (!hook?.events.includes(event)) return;
    const payload = { event, movie, timestamp: isoSeconds(this.clock.now()) };
    const record: WebhookDelivery = {
      at: isoSeconds(this.clock.now()),
      webhookId: hook.id,
      url: hook.url,
      sentTo: null,
      client: account.clientId,
      user: account.user,
      event,
      payload,
      outcome: { kind: 'skipped', reason: 'pending' },
    };
    this.log.push(record);
    const target = this.options.resolveUrl?.(hook.url) ?? hook.url;
    const targetUrl = new URL(target);
    if (!isLoopbackUrl(targetUrl) && !this.options.allowExternal) {
      record.outcome = { kind: 'skipped', reason: `external delivery disabled (${targetUrl.host})` };
      return;
    }
    record.sentTo = target;
    const sending = this.send(target, payload).then((outcome) => {
      record.outcome = outcome;
    });
    this.pending.add(sending);
    void sending.finally(() => this.pending.delete(sending));
    if ((this.options.mode ?? 'await') === 'await') await sending;
  }

  /** Waits for deliveries still in flight (background mode). */
  async flush(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  private async send(target: string, payload: unknown): Promise<WebhookDelivery['outcome']> {
    try {
      const res = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'academy-api-webhooks/1' },
        body: JSON.stringify(payload),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
      await res.arrayBuffer().catch(() => undefined);
      return { kind: 'delivered', status: res.status };
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      return { kind: 'failed', error: err.cause?.code ?? `${err.name}: ${err.message}` };
    }
  }
}
