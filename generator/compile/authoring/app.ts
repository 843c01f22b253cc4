import type { GeneralCodeType } from '../../model/index.ts';
import type { BaseDefinition } from './base.ts';
import type { ConnectionDefinition } from './connection.ts';
import type { FunctionDefinition } from './function.ts';
import type { ModuleDefinition } from './module.ts';
import { callerOrigin, type DefinitionOrigin } from './origin.ts';
import type { ImlValue } from './request.ts';
import type { RpcDefinition } from './rpc.ts';
import type { SecretValue } from './secret.ts';
import type { WebhookDefinition } from './webhook.ts';

/** A group of modules shown together in Make's module picker. */
export interface ModuleGroup {
  label: string;
  /** Modules of the group; a name string only for modules the app does not define (import). */
  modules: readonly (ModuleDefinition | string)[];
}

/** Where Make's VS Code extension deploys the app (makecomapp.json `origins`). */
export interface AppOrigin {
  label?: string;
  baseUrl: `https://${string}/api`;
  appId: string;
  appVersion: number;
  apikeyFile: string;
}

export interface AppDef {
  /** App id: lowercase letters, digits and dashes, 3–30 characters. */
  name: string;
  label?: string;
  version: number;
  description?: string;
  /** Theme colour `#rrggbb`. */
  theme?: string;
  language?: string;
  audience?: 'global' | 'countries';
  base?: BaseDefinition;
  /** App common data: visible to modules and RPCs as `common.<key>`. */
  common?: { readonly [key: string]: ImlValue | SecretValue };
  /** README in Markdown. */
  readme?: string;
  groups?: readonly ModuleGroup[];
  connections?: readonly ConnectionDefinition[];
  webhooks?: readonly WebhookDefinition[];
  modules?: readonly ModuleDefinition[];
  rpcs?: readonly RpcDefinition[];
  functions?: readonly FunctionDefinition[];
  origins?: readonly AppOrigin[];
  /** General codes given verbatim (import keeps shapes the typed fields cannot express). */
  generalCodes?: Partial<Record<GeneralCodeType, unknown>>;
}

export interface AppDefinition extends AppDef {
  readonly kind: 'app';
  readonly origin?: DefinitionOrigin;
}

export function defineApp(def: AppDef): AppDefinition {
  return { ...def, kind: 'app', origin: callerOrigin() };
}
