/** A scenario as written in YAML (validated by schemas/scenario.schema.json). */
import type { SimulatorSettings } from './settings.ts';
import type { EpochChoice } from './trigger.ts';

export interface RequestExpectation {
  method?: string;
  /** URL path; matches the whole path or its tail at a `/` (so `/movies` matches `/api/v2/movies`). */
  path?: string;
  query?: Record<string, unknown>;
  /** Header names that must be present, or name → expected value. */
  headers?: string[] | Record<string, unknown>;
  body?: unknown;
  status?: number;
  component?: string;
}

export interface Expectation {
  /** The step must fail with this Make error (`true`: any error). `message` is a substring or `/regex/`. */
  error?: true | { type?: string; message?: string; statusCode?: number };
  /** Subset match: an array is matched against the bundles, an object against the first bundle. */
  output?: unknown;
  count?: number;
  minCount?: number;
  /** JSON-path-ish assertions on the bundles: `[0].name`, `0.director.directorName`, `length`. */
  paths?: Record<string, unknown>;
  /** Requests that must have been sent, in this order (others may come between). */
  requests?: RequestExpectation[];
  requestCount?: number;
  /** true: at least one request must go out (the smoke scenario asks this of every RPC). */
  sendsRequest?: boolean;
}

interface WithExpect {
  expect?: Expectation;
}

export type ScenarioStep =
  | {
      connect: {
        as?: string;
        scopes?: string[];
        connection?: string;
        parameters?: Record<string, unknown>;
        deny?: boolean;
      } & WithExpect;
    }
  | {
      run: {
        module: string;
        parameters?: Record<string, unknown>;
        /** Alias of `parameters`. */
        inputs?: Record<string, unknown>;
        epoch?: EpochChoice;
        payload?: unknown;
      } & WithExpect;
    }
  | {
      rpc: {
        name: string;
        parameters?: Record<string, unknown>;
        inputs?: Record<string, unknown>;
        shape?: 'options' | 'fields' | 'sample';
      } & WithExpect;
    }
  | { epoch: { module: string; parameters?: Record<string, unknown> } & WithExpect }
  | { advance: string | number }
  | { attachWebhook: { webhook: string; parameters?: Record<string, unknown> } & WithExpect }
  | { detachWebhook: { webhook: string } & WithExpect }
  | { createMovie: Record<string, unknown> & { connection?: string } & WithExpect }
  | {
      apiCall: {
        method: string;
        path: string;
        body?: unknown;
        query?: Record<string, unknown>;
        connection?: string;
      } & WithExpect;
    }
  | { deliverWebhook: { module: string; waitMs?: number } & WithExpect }
  | { deleteConnection: { connection?: string } & WithExpect };

export interface Scenario {
  name: string;
  description?: string;
  /** File it came from (set by the loader). */
  file?: string;
  settings?: Partial<SimulatorSettings>;
  steps: ScenarioStep[];
}
