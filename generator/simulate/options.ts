/** The options of a simulation run (and what targeting the real API requires). */
import type { AcademyApi } from '../academy-api/index.ts';
import type { Clock } from '../model/index.ts';
import type { Registration } from './common-data.ts';
import type { HostMap, Transport } from './http.ts';
import type { Scenario } from './scenario-types.ts';
import type { SimulatorSettings } from './settings.ts';

/** Targets the real App Academy API. Refused unless every guard is met (see README.md). */
export interface LiveTarget {
  clientId: string;
  clientSecret: string;
  apiKey?: string;
  redirectUri?: string;
  /** Must be literally true: the caller confirmed that real requests are sent. */
  confirmed: true;
}

export interface SimulateOptions {
  /** Scenarios to run; 'smoke' (default) generates one from the app. */
  scenarios?: Scenario[] | 'smoke';
  /** A running embedded API; when absent (and not replaying or live) one is started for the run and closed after. */
  api?: AcademyApi;
  /** Clock for a self-started API (a given API brings its own clock, which is then used). */
  clock?: Clock;
  /** Seed of the self-started API and of IML `random`/`uuid`. Default 1. */
  seed?: number;
  /** Extra host → origin mappings; `app-academy.make.com` → the embedded API is added by default. */
  hostMap?: HostMap;
  /** Write the redacted HAR 1.2 recording here. */
  har?: string;
  /**
   * Header, field or JSON-key names that redaction by name leaves visible (case-insensitive), e.g.
   * a `session_token` that is no credential. Values known to be secrets stay redacted anyway.
   */
  harKeep?: string[];
  /** Answer requests from this HAR instead of an API. */
  replay?: string;
  equality?: 'loose' | 'strict';
  settings?: Partial<SimulatorSettings>;
  /** Common data overrides (win over what is filled from the registration). */
  common?: Record<string, unknown>;
  /** Client credentials to use instead of the API's first registered client. */
  registration?: Registration;
  live?: LiveTarget;
  /** Start the embedded API when no `api` is given (default true); false runs against `hostMap` only. */
  embeddedApi?: boolean;
  /**
   * Replaces the HTTP transport (tools and benchmarks wrap the default one made by
   * `createFetchTransport`). It sees requests before redaction: keep what it captures in memory.
   */
  transport?: Transport;
}
