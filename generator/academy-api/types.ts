/** Shared types of the embedded App Academy API (see README.md for the model behind them). */

export type UserKey = 'john' | 'jane';

/** An account an end user can connect (the consent page offers both). */
export interface AppUser {
  key: UserKey;
  /** Stable 12-hex id, the same in every run. */
  id: string;
  name: string;
  email: string;
}

/** A registered app (the student's or author's OAuth2 client), with its v1 API key. */
export interface ClientRegistration {
  clientId: string;
  clientSecret: string;
  /** Exactly one registered redirect URI; authorize and token must name it exactly. */
  redirectUri: string;
  /** v1 `x-api-key`. */
  apiKey: string;
  /** Which app user the v1 API key acts as (model choice; default `john`). */
  apiKeyUser?: UserKey;
}

/** One request as the server saw it, logged once the response is finished. */
export interface RequestLogEntry {
  at: string;
  method: string;
  /** Path without the query string. */
  path: string;
  status: number;
  /** Client id the request was attributed to (API key, token, or client credentials), when known. */
  client: string | null;
  /** App user key (`john` / `jane`), when known. */
  user: UserKey | null;
}

export type WebhookEvent = 'create' | 'update' | 'delete';

/** One attempt to POST a webhook payload (there are no retries). */
export interface WebhookDelivery {
  at: string;
  webhookId: string;
  /** The URL registered with POST /webhooks. */
  url: string;
  /** Where the POST actually went (after `resolveWebhookUrl`), or null when it was not sent. */
  sentTo: string | null;
  client: string;
  user: UserKey;
  event: WebhookEvent;
  payload: { event: WebhookEvent; movie: unknown; timestamp: string };
  outcome:
    | { kind: 'delivered'; status: number }
    | { kind: 'failed'; error: string }
    | { kind: 'skipped'; reason: string };
}

/** Who a data request acts for, and (v2) which scopes its token carries. */
export interface AuthContext {
  client: ClientRegistration;
  user: AppUser;
  version: 1 | 2;
  /** v2 only: the scopes granted to the token; null for v1 (an API key has every right). */
  scopes: string[] | null;
  /** v2 only: the access token used. */
  accessToken?: string;
}
