import type { CodeType, Component, ComponentCodeType, ComponentKind } from '../../model/app.ts';
import type { SchemaName } from './registry.ts';

const MODULE_COMMUNICATION: Record<string, SchemaName> = {
  action: 'module-communication-action',
  search: 'module-communication-search',
  trigger: 'module-communication-trigger',
  instant_trigger: 'module-communication-instant-trigger',
  responder: 'module-communication-responder',
  universal: 'module-communication-universal',
};

const BY_KIND: Record<ComponentKind, Partial<Record<ComponentCodeType, SchemaName>>> = {
  connection: {
    params: 'connection-params',
    common: 'common',
    scopeList: 'connection-scope-list',
    defaultScope: 'connection-default-scope',
    installSpec: 'connection-install-spec',
    installDirectives: 'connection-install-directives',
  },
  webhook: {
    communication: 'webhook-communication',
    params: 'webhook-params',
    attach: 'webhook-attach',
    detach: 'webhook-detach',
    update: 'webhook-update',
    requiredScope: 'webhook-required-scope',
  },
  module: {
    epoch: 'module-epoch',
    staticParams: 'module-static-params',
    mappableParams: 'module-mappable-params',
    interface: 'module-interface',
    samples: 'module-samples',
    scope: 'module-scope',
  },
  rpc: { communication: 'rpc-communication', params: 'rpc-params' },
  function: {},
};

/** Schema for a component's code (by kind, code type, module type, connection type); undefined = none. */
export function schemaForComponentCode(c: Component, type: ComponentCodeType): SchemaName | undefined {
  if (c.kind === 'module' && type === 'communication')
    return c.moduleType ? MODULE_COMMUNICATION[c.moduleType] : undefined;
  if (c.kind === 'connection' && type === 'communication') {
    return c.connectionType === 'oauth' ? 'connection-communication-oauth' : 'connection-communication-basic';
  }
  return BY_KIND[c.kind][type];
}

export function schemaForGeneralCode(type: CodeType): SchemaName | undefined {
  return type === 'base' ? 'base' : type === 'common' ? 'common' : type === 'groups' ? 'groups' : undefined;
}
