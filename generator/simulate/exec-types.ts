/**
 * What executing a component's requests needs (ExecEnv), aims at (ExecTarget) and gives back
 * (ExecResult). Its own file so the executor and the steps it calls (send, output, runtime) share
 * them without importing each other.
 */
import type { ImlContext } from '../iml/api.ts';
import type { Spec } from './base-merge.ts';
import type { ImlEnv } from './iml.ts';
import type { SimulatorSettings } from './settings.ts';
import type { Wire } from './wire.ts';

export interface ExecEnv {
  iml: ImlEnv;
  wire: Wire;
  settings: SimulatorSettings;
  advanceClock: (ms: number) => void;
  /** Seed for multipart boundaries (deterministic output). */
  nextSeed: () => number;
}

export interface ExecTarget {
  /** `modules.searchMovies` */
  component: string;
  /** `modules.searchMovies.communication` (array index appended per request) */
  pointer: string;
  /** Base to merge (modules and RPCs only). */
  base?: Spec;
  /** Which directives apply: connection sections have no pagination/iterate/output/limit. */
  role: 'module' | 'trigger' | 'rpc' | 'connection' | 'webhook-section' | 'instant';
  /** IML inputs recorded with each request. */
  inputs?: unknown;
  /** Extra sanitize paths (e.g. connection-level ones). */
  sanitize?: string[];
  /** Whether a missing `url` is allowed (request-less mode). */
  allowRequestless?: boolean;
  /**
   * Trigger hook: called with each page's raw items; returning true stops paginating
   * (a known item was reached).
   */
  onPage?: (items: unknown[]) => boolean;
}

export interface IteratedItem {
  item: unknown;
  output: unknown;
}

export interface ExecResult {
  /** The component output after wrapper and limit. */
  output: unknown;
  /** When the last request iterated: each raw item with its output (before wrapper/limit). */
  items?: IteratedItem[];
  /** The evaluated `limit` of the last request (undefined when not set). */
  limit?: number;
  /** Merged `response.data` of every request. */
  data: Record<string, unknown>;
  /** Last evaluated `response.expires`, `metadata`, `uid`. */
  expires?: unknown;
  metadata?: unknown;
  uid?: unknown;
  /** The last request's (merged) response spec and its final IML context (for trigger bookkeeping). */
  lastResponse?: Spec;
  lastCtx?: ImlContext;
  /** True when every request was skipped by its condition. */
  skipped: boolean;
  temp: Record<string, unknown>;
}
