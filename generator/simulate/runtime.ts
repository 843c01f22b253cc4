/**
 * State of one simulation run: the app, the shared clock, connections, webhooks, trigger
 * bookkeeping and module data — everything that must survive from one step to the next.
 */
import { type AppModel, type Clock, type Component, getOwn } from '../model/index.ts';
import { baseSpec, type Spec } from './base-merge.ts';
import type { Registration } from './common-data.ts';
import type { ExecEnv } from './exec-types.ts';
import type { SecretSet } from './redact.ts';
import type { SimulatorSettings } from './settings.ts';
import type { Wire } from './wire.ts';

export interface ConnectionState {
  name: string;
  type: 'oauth' | 'basic';
  /** Connection data (`connection.*` in modules): what response.data stored. */
  data: Record<string, unknown>;
  /** Connection (refresh token) expiry in ms, from `response.expires`. */
  expires?: number;
  scopes: string[];
  user?: string;
  metadata?: unknown;
  uid?: unknown;
  /** Common data the connection sections see. */
  common: Record<string, unknown>;
  parameters: Record<string, unknown>;
}

export interface WebhookState {
  name: string;
  /** The receiver URL given to the API (`webhook.url`). */
  url: string;
  id: string;
  /** attach's response.data (`webhook.*` in detach). */
  data: Record<string, unknown>;
  parameters: Record<string, unknown>;
  connection?: string;
}

export interface TriggerState {
  lastId?: unknown;
  lastDate?: string;
  sameDateIds: unknown[];
  seen: unknown[];
  initialized: boolean;
}

export interface AppUser {
  key: string;
  name?: string;
  email?: string;
}

export interface Runtime {
  app: AppModel;
  /**
   * Resolves once the embedded API has no webhook delivery in flight (absent when replaying or
   * live): with none left and none received, waiting longer cannot bring one.
   */
  settleDeliveries?: () => Promise<void>;
  clock: Clock;
  settings: SimulatorSettings;
  env: ExecEnv;
  wire: Wire;
  secrets: SecretSet;
  base: Spec;
  appCommon: Record<string, unknown>;
  registration: Registration;
  users: AppUser[];
  connections: Map<string, ConnectionState>;
  /** What last happened to each connection (for clear errors when one is missing). */
  connectionHistory: Map<string, 'connected' | 'failed' | 'deleted'>;
  webhooks: Map<string, WebhookState>;
  triggers: Map<string, TriggerState>;
  moduleData: Map<string, Record<string, unknown>>;
  /** Overrides for common data given by the caller. */
  commonOverrides: Record<string, unknown>;
  /** Webhook deliveries not yet processed, per webhook name. */
  inbox: Map<
    string,
    { body: Buffer; headers: Record<string, string>; query: Record<string, string>; method: string }[]
  >;
  receiverUrl?: string;
  /** Targeting the real API: the clock cannot be moved for the server. */
  live?: boolean;
}

export function appBase(app: AppModel): Spec {
  return baseSpec(app.general.base?.value);
}

export function findComponent(
  rt: Runtime,
  kind: 'module' | 'rpc' | 'connection' | 'webhook',
  name: string,
): Component {
  const c = getOwn(rt.app.components[kind], name) as Component | undefined;
  if (!c) {
    const known = Object.keys(rt.app.components[kind]);
    throw new Error(`the app has no ${kind} "${name}"${known.length ? ` (known: ${known.join(', ')})` : ''}`);
  }
  return c;
}
