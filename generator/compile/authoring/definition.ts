/**
 * What every `define*` call returns at run time: the component's identity, its metadata, and its
 * sections as the author wrote them (values or builder functions). The compiler evaluates the
 * builders with reference proxies and maps authoring keys to Make's code types.
 */
import type { ComponentCodeType, ComponentKind } from '../../model/index.ts';
import type { DefinitionOrigin } from './origin.ts';

export interface Definition<K extends ComponentKind = ComponentKind, N extends string = string> {
  readonly kind: K;
  readonly name: N;
  /** Metadata written to makecomapp.json (label, moduleType, connection...). */
  readonly meta: Readonly<Record<string, unknown>>;
  /** Authoring key → value or builder. */
  readonly sections: Readonly<Record<string, unknown>>;
  /** Code types given directly, for sections the typed API does not model (kept by import). */
  readonly codes?: Readonly<Partial<Record<ComponentCodeType, unknown>>>;
  readonly origin?: DefinitionOrigin;
}

/** Authoring key → Make code type, per component kind (also used to map diagnostics back). */
export const SECTION_CODE_TYPES: Record<ComponentKind, Readonly<Record<string, ComponentCodeType>>> = {
  module: {
    communication: 'communication',
    staticParameters: 'staticParams',
    mappableParameters: 'mappableParams',
    interface: 'interface',
    samples: 'samples',
    scope: 'scope',
    epoch: 'epoch',
  },
  connection: {
    communication: 'communication',
    parameters: 'params',
    common: 'common',
    scopes: 'scopeList',
    defaultScope: 'defaultScope',
    installSpec: 'installSpec',
    installDirectives: 'installDirectives',
  },
  webhook: {
    communication: 'communication',
    parameters: 'params',
    attach: 'attach',
    detach: 'detach',
    update: 'update',
    scope: 'requiredScope',
  },
  rpc: { communication: 'communication', parameters: 'params' },
  function: { code: 'code', test: 'test' },
};

/** Drops `undefined` entries so optional sections the author left out are absent. */
export function defined(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (v !== undefined) out[k] = v;
  return out;
}
