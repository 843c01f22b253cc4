import type { ConnectionDefinition, StoredKeys } from './connection.ts';
import type { ModuleVars, Section } from './context.ts';
import type { AnyRef } from './iml.ts';
import { callerOrigin, type DefinitionOrigin } from './origin.ts';
import type { BaseRequest } from './request.ts';

type Keys<C> = [C] extends [undefined] ? never : StoredKeys<C>;

/** Base: defaults every module and RPC inherits (URL, auth header, error handling, sanitising). */
export interface BaseDef<C extends ConnectionDefinition<string, string, string> | undefined> {
  /** Type-only: the connection whose stored data the base reads (`connection.accessToken`). */
  connection?: C;
  communication: Section<Omit<ModuleVars<[], Keys<C>>, 'parameters'> & { parameters: AnyRef }, BaseRequest>;
}

export interface BaseDefinition {
  readonly kind: 'base';
  readonly communication: unknown;
  readonly origin?: DefinitionOrigin;
}

export function defineBase<C extends ConnectionDefinition<string, string, string> | undefined = undefined>(
  def: BaseDef<C>,
): BaseDefinition {
  return { kind: 'base', communication: def.communication, origin: callerOrigin() };
}
