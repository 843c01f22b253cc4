/**
 * Plain-JSON shapes the simulator reports. The differ compares two reports step by step, so every
 * field here is stable, JSON-serialisable and documented in README.md.
 */

/** One HTTP exchange as the report shows it (secrets already redacted). */
export interface RequestRecord {
  /** `modules.searchMovies`, `connections.academy`, `webhooks.movieEvents`, `rpcs.listGenres`. */
  component: string;
  /** Directive that produced the request, e.g. `modules.searchMovies.communication[0]`, `connections.academy.token`. */
  pointer: string;
  method: string;
  /** The URL the app named (real host kept; the host mapping is not visible here). Without the query. */
  url: string;
  /** Query parameters; repeated keys become arrays. */
  query: Record<string, string | string[]>;
  /** Request headers, names lower-cased, values redacted where secret. */
  headers: Record<string, string>;
  /** Parsed JSON / urlencoded object, text, or `{ multipart: [...] }`; undefined without a body. */
  body?: unknown;
  /** Response status; undefined when no response arrived (network error, replay miss). */
  status?: number;
  /** Parsed response body (redacted), truncated for very large texts. */
  responseBody?: unknown;
  /** Network-level failure text, when there was no response. */
  networkError?: string;
}

/** An error the way Make reports it: a type from Make's error classes and a message. */
export interface MakeErrorInfo {
  type: string;
  message: string;
  statusCode?: number;
}

export type StepKind =
  | 'connect'
  | 'run'
  | 'rpc'
  | 'advance'
  | 'attachWebhook'
  | 'detachWebhook'
  | 'createMovie'
  | 'apiCall'
  | 'deliverWebhook'
  | 'epoch'
  | 'deleteConnection'
  | 'cleanup';

export interface StepReport {
  index: number;
  kind: StepKind;
  /** Human label, e.g. `run searchMovies`. */
  label: string;
  /** Component the step exercised, when there is one. */
  component?: string;
  status: 'pass' | 'fail';
  /** The Make error the step produced (expected or not). */
  error?: MakeErrorInfo;
  /** Assertion failures (empty when the step met its expectations). */
  failures: string[];
  /** Directives this step used that the simulator does not reproduce (e.g. `gzip`, `ca`). */
  warnings?: string[];
  requests: RequestRecord[];
  /** Output bundles (always an array; an action gives one bundle). RPC: its raw output, wrapped in an array. */
  output?: unknown[];
  /** Fake-clock time when the step started (ISO). */
  clock: string;
}

export interface ScenarioReport {
  name: string;
  file?: string;
  status: 'pass' | 'fail';
  steps: StepReport[];
}

export interface SimulationReport {
  app: { name?: string; label?: string; root: string };
  /** Where requests went: 'embedded' API, 'replay' of a HAR, 'live' API, or 'none' (no API given). */
  target: 'embedded' | 'replay' | 'live' | 'none';
  scenarios: ScenarioReport[];
  summary: { scenarios: number; steps: number; passed: number; failed: number };
  /** Path of the HAR file written, if any. */
  har?: string;
}
