export { defineApp, type AppDef, type AppDefinition, type AppOrigin, type ModuleGroup } from './app.ts';
export { defineBase, type BaseDef, type BaseDefinition } from './base.ts';
export {
  defineConnection,
  type AnyConnection,
  type BasicConnectionDef,
  type ConnectionDefinition,
  type OAuthConnectionDef,
} from './connection.ts';
export { defineFunction, type FunctionDefinition } from './function.ts';
export { defineModule, type ModuleDef, type ModuleDefinition } from './module.ts';
export { defineRpc, rpcUrl, type RpcDefinition } from './rpc.ts';
export { defineWebhook, type WebhookDefinition } from './webhook.ts';
export { secret, isSecret, type SecretValue } from './secret.ts';
export { expr, ref, isExpr, imlText, toJsonValue, now, timestamp, uuid, emptyarray, erase, undefinedValue, type AnyRef, type Expr, type Ref } from './iml.ts';
export type { Parameter, ParameterList, ParameterType, RpcUrl, ParamRefs } from './parameters.ts';
export type * from './request.ts';
export { SECTION_CODE_TYPES, type Definition } from './definition.ts';
export type { DefinitionOrigin } from './origin.ts';
export { withExtras } from './extras.ts';
