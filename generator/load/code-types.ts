import {
  COMPONENT_CODE_TYPES,
  type ComponentCodeType,
  type ComponentKind,
  type GeneralCodeType,
  type ModuleType,
} from '../model/app.ts';
import { CODE_FILE_SUFFIX, OAUTH_COMMUNICATION_SUFFIX } from '../model/code-files.ts';

/**
 * Section names of the older export / SDK API (`api`, `parameters`, `expect`...) per component
 * kind, mapped onto local-development code types. Also used for manifests that use those names
 * as `codeFiles` keys.
 */
const LEGACY_SECTIONS: Record<ComponentKind, Record<string, ComponentCodeType>> = {
  connection: {
    api: 'communication',
    parameters: 'params',
    scopes: 'scopeList',
    scope: 'defaultScope',
    install: 'installDirectives',
    installspec: 'installSpec',
    common: 'common',
  },
  webhook: {
    api: 'communication',
    parameters: 'params',
    attach: 'attach',
    detach: 'detach',
    update: 'update',
    scope: 'requiredScope',
  },
  module: {
    api: 'communication',
    epoch: 'epoch',
    parameters: 'staticParams',
    expect: 'mappableParams',
    interface: 'interface',
    samples: 'samples',
    scope: 'scope',
  },
  rpc: { api: 'communication', parameters: 'params' },
  function: { code: 'code', test: 'test' },
};

/** File-name suffixes written by Make's extension (`<id>.<suffix>.iml.json`), read back to code types. */
const SUFFIXES: Record<string, ComponentCodeType> = {
  ...Object.fromEntries(Object.entries(CODE_FILE_SUFFIX).map(([type, suffix]) => [suffix, type])),
  [OAUTH_COMMUNICATION_SUFFIX]: 'communication',
};

const GENERAL_SECTIONS: Record<string, GeneralCodeType> = {
  base: 'base',
  common: 'common',
  content: 'readme',
  readme: 'readme',
  groups: 'groups',
};

const MODULE_TYPE_IDS: Record<number, ModuleType> = {
  1: 'trigger',
  4: 'action',
  9: 'search',
  10: 'instant_trigger',
  11: 'responder',
  12: 'universal',
};

/** Own-key lookup: "constructor" or "__proto__" must never resolve to something inherited. */
function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function isCodeType(name: string): name is ComponentCodeType {
  return (COMPONENT_CODE_TYPES as readonly string[]).includes(name);
}

/**
 * Code type for a section name, file suffix or `codeFiles` key of a component of `kind`.
 * Exact local-dev names win; then the older section names; then file suffixes.
 */
export function componentCodeType(kind: ComponentKind, name: string): ComponentCodeType | undefined {
  // The older `scope` of a connection is its default scope, of a webhook its required scope.
  if (name === 'scope' && (kind === 'connection' || kind === 'webhook')) return LEGACY_SECTIONS[kind].scope;
  if (isCodeType(name)) return name;
  const lower = name.toLowerCase();
  return own(LEGACY_SECTIONS[kind], lower) ?? own(SUFFIXES, lower);
}

export function generalCodeType(name: string): GeneralCodeType | undefined {
  return own(GENERAL_SECTIONS, name.toLowerCase());
}

/** `trigger`, `4`, `"9"`, `instant_trigger`... → ModuleType. */
export function toModuleType(value: unknown): ModuleType | undefined {
  if (typeof value === 'number') return own(MODULE_TYPE_IDS, String(value));
  if (typeof value !== 'string') return undefined;
  if (/^\d+$/.test(value)) return own(MODULE_TYPE_IDS, String(Number(value)));
  const v = value.toLowerCase().replace(/[\s-]/g, '_');
  const aliases: Record<string, ModuleType> = {
    trigger: 'trigger',
    polling_trigger: 'trigger',
    action: 'action',
    search: 'search',
    instant_trigger: 'instant_trigger',
    instanttrigger: 'instant_trigger',
    responder: 'responder',
    universal: 'universal',
  };
  return own(aliases, v);
}

/** The component kinds as folder names used by every layout (`modules/`, `connections/`...). */
export const KIND_FOLDERS: Record<string, ComponentKind> = {
  connections: 'connection',
  connection: 'connection',
  webhooks: 'webhook',
  webhook: 'webhook',
  modules: 'module',
  module: 'module',
  rpcs: 'rpc',
  rpc: 'rpc',
  functions: 'function',
  function: 'function',
};
