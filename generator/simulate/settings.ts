/**
 * Make's runtime limits and every behaviour the references leave unconfirmed, as settings with the
 * documented default (make-iml.md Appendix B; make-semantics-evidence.md). Scenarios and callers
 * override them per run.
 */
export interface SimulatorSettings {
  /** IML equality: loose like JS `==` (source-derived, default) or strict. */
  equality: 'loose' | 'strict';
  /** Per-request timeout (real time), Make's default 40 s. */
  requestTimeoutMs: number;
  /** Real-time limit of one module or RPC execution (Make: 40 s for RPCs and requests). */
  executionTimeoutMs: number;
  /** Max HTTP requests in one module/RPC execution (Make: 100). */
  maxRequestsPerExecution: number;
  /** Max pagination requests in one execution (Make: 50). */
  maxPaginationRequests: number;
  /** Max records one paginated execution collects, any module (Make: 3200). */
  maxPastRecords: number;
  /** Hard cap on `repeat` iterations (Make runtime: 1000). */
  maxRepeat: number;
  /** Max redirects followed (Make runtime: 21). */
  maxRedirects: number;
  /** Max bytes of stored `data` (Make runtime: 64 KB). */
  maxDataBytes: number;
  /** Default `limit` of a polling trigger when the app gives none (Make: 1). */
  defaultTriggerLimit: number;
  /** Merge base `headers`/`qs` objects key by key into the module's (evidence §2: high). */
  mergeBaseHeadersAndQs: boolean;
  /** Webhook attach/detach inherit base (VSX AppsProvider; make-iml.md says webhooks do not). */
  inheritBaseInWebhookSections: boolean;
  /** `pagination.condition` evaluated twice per cycle, with page N then N+1 (evidence §4: medium). */
  paginationDoubleCheck: boolean;
  /** When `qs` is present, drop a query string written in `url` (the 2019 Integromat docs; unconfirmed). */
  qsReplacesUrlQuery: boolean;
  /** Search modules drop a page with zero items and stop (Make: stop after 0 records). */
  stopOnEmptyPage: boolean;
  /** `repeat.delay` advances the fake clock instead of sleeping. */
  repeatDelayOnClock: boolean;
  /** Epoch choice of a polling trigger on its first run: everything, or only newer than now. */
  defaultEpoch: 'all' | 'fromNow';
  /** Refuse to run a module whose required parameters are missing (Make validates the mapping first). */
  validateRequiredInputs: boolean;
  /** Redirect URIs offered to OAuth2 connections as `oauth.*`. */
  oauthRedirectUri: string;
  oauthLocalRedirectUri: string;
  oauthMakeRedirectUri: string;
  /** How long to wait (real time) for a webhook delivery from the API. */
  webhookWaitMs: number;
}

export const DEFAULT_SETTINGS: SimulatorSettings = {
  equality: 'loose',
  requestTimeoutMs: 40_000,
  executionTimeoutMs: 40_000,
  maxRequestsPerExecution: 100,
  maxPaginationRequests: 50,
  maxPastRecords: 3200,
  maxRepeat: 1000,
  maxRedirects: 21,
  maxDataBytes: 64 * 1024,
  defaultTriggerLimit: 1,
  mergeBaseHeadersAndQs: true,
  inheritBaseInWebhookSections: true,
  paginationDoubleCheck: true,
  qsReplacesUrlQuery: false,
  stopOnEmptyPage: true,
  repeatDelayOnClock: true,
  defaultEpoch: 'all',
  validateRequiredInputs: true,
  oauthRedirectUri: 'https://www.integromat.com/oauth/cb/app',
  oauthLocalRedirectUri: 'https://www.make.com/oauth/cb/app',
  oauthMakeRedirectUri: 'https://www.make.com/oauth/cb/app',
  webhookWaitMs: 5000,
};

/** The Academy host apps name; routed to the embedded server by default. */
export const ACADEMY_HOST = 'app-academy.make.com';
