export { type AppDef, type AppDefinition, type AppOrigin, defineApp, type ModuleGroup } from './app.ts';
export { type BaseDef, type BaseDefinition, defineBase } from './base.ts';
export {
  type AnyConnection,
  type BasicConnectionDef,
  type ConnectionDefinition,
  defineConnection,
  type OAuthConnectionDef,
} from './connection.ts';
export { type Definition, SECTION_CODE_TYPES } from './definition.ts';
export { withExtras } from './extras.ts';
export { defineFunction, type FunctionDefinition } from './function.ts';
export {
  type AnyRef,
  type Expr,
  emptyarray,
  erase,
  expr,
  imlText,
  isExpr,
  now,
  type Ref,
  ref,
  timestamp,
  toJsonValue,
  undefinedValue,
  uuid,
} from './iml.ts';
export { defineModule, type ModuleDef, type ModuleDefinition } from './module.ts';
export type { DefinitionOrigin } from './origin.ts';
export type { Parameter, ParameterList, ParameterType, ParamRefs, RpcUrl } from './parameters.ts';
export type * from './request.ts';
export { defineRpc, type RpcDefinition, rpcUrl } from './rpc.ts';
export { isSecret, type SecretValue, secret } from './secret.ts';
export { defineWebhook, type WebhookDefinition } from './webhook.ts';
