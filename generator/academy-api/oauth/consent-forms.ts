import type { Clock } from '../../model/clock.ts';
import type { IdSource } from '../ids.ts';
import type { Scope } from '../scopes.ts';
import type { PkceChallenge } from './pkce.ts';

/** The authorize request a consent page was shown for; the form POST must carry its token. */
export interface PendingConsent {
  token: string;
  clientId: string;
  redirectUri: string;
  /** The scope parameter as requested (echoed in the form). */
  scopeParam: string;
  scopes: Scope[];
  state: string | null;
  pkce: PkceChallenge | null;
  expiresAt: number;
}

const FORM_MINUTES = 30;
// Pages nobody submits must not grow memory without bound: the oldest are forgotten first.
const MAX_PENDING = 1000;

/**
 * One-time form tokens binding a consent POST to the page the server rendered (CSRF defence):
 * a POST without a token issued by a GET, with a used or expired one, or with parameters other
 * than those of its page is refused.
 */
export class ConsentFormStore {
  private readonly pending = new Map<string, PendingConsent>();

  constructor(
    private readonly clock: Clock,
    private readonly ids: IdSource,
  ) {}

  issue(request: Omit<PendingConsent, 'token' | 'expiresAt'>): PendingConsent {
    while (this.pending.size >= MAX_PENDING) this.pending.delete(this.pending.keys().next().value!);
    const record: PendingConsent = {
      ...request,
      token: this.ids.secret('ft_'),
      expiresAt: this.clock.now() + FORM_MINUTES * 60_000,
    };
    this.pending.set(record.token, record);
    return record;
  }

  /** Takes the record of a token out (it works once); undefined when unknown or expired. */
  consume(token: string | undefined): PendingConsent | undefined {
    if (!token) return undefined;
    const record = this.pending.get(token);
    if (!record) return undefined;
    this.pending.delete(token);
    return this.clock.now() < record.expiresAt ? record : undefined;
  }

  clear(): void {
    this.pending.clear();
  }
}
