/**
 * `defineModule`: one variant per module type, discriminated by `type`, so each type only accepts
 * the directives Make allows there (§7.2): no `pagination`/`iterate`/`limit` in actions and
 * universal modules, `response.trigger` and `epoch` only in polling triggers, a webhook for instant
 * triggers, only `response` in responders, static parameters only in triggers.
 */
import type { ActionCrud, ModuleType } from '../../model/index.ts';
import type { AnyConnection, ScopesOf, StoredKeys } from './connection.ts';
import type { InstantTriggerVars, ModuleVars, Section, TriggerVars } from './context.ts';
import { type Definition, defined } from './definition.ts';
import { callerOrigin } from './origin.ts';
import type { ParameterList } from './parameters.ts';
import type {
  ActionRequest,
  EpochRequest,
  InstantTriggerRequest,
  OneOrMany,
  ResponderCommunication,
  SearchRequest,
  TriggerRequest,
  UniversalRequest,
} from './request.ts';
import type { WebhookDefinition } from './webhook.ts';

type Params<S extends ParameterList, M extends ParameterList> = readonly [...S, ...M];
type Keys<C> = [C] extends [undefined] ? never : StoredKeys<C>;

/** What all module variants share. */
interface ModuleDefBase<N extends string, S extends ParameterList, C extends AnyConnection | undefined> {
  name: N;
  label: string;
  description: string;
  connection?: C;
  altConnection?: AnyConnection;
  staticParameters?: S;
  interface?: ParameterList;
  samples?: Record<string, unknown>;
  /** OAuth scopes the module needs: only scopes its connection declares. */
  scope?: readonly ScopesOf<NonNullable<C>>[];
}

export interface ActionDef<
  N extends string,
  S extends ParameterList,
  M extends ParameterList,
  C extends AnyConnection | undefined,
> extends ModuleDefBase<N, S, C> {
  type: 'action';
  /** Create/read/update/delete tag; omit for multipurpose actions. */
  crud?: Exclude<ActionCrud, null>;
  mappableParameters?: M;
  communication?: Section<ModuleVars<Params<S, M>, Keys<C>>, OneOrMany<ActionRequest>>;
}

export interface SearchDef<
  N extends string,
  S extends ParameterList,
  M extends ParameterList,
  C extends AnyConnection | undefined,
> extends ModuleDefBase<N, S, C> {
  type: 'search';
  mappableParameters?: M;
  communication?: Section<ModuleVars<Params<S, M>, Keys<C>>, OneOrMany<SearchRequest>>;
}

export interface TriggerDef<N extends string, S extends ParameterList, C extends AnyConnection | undefined>
  extends ModuleDefBase<N, S, C> {
  type: 'trigger';
  communication: Section<
    TriggerVars<S, Keys<C>>,
    TriggerRequest | readonly [...SearchRequest[], TriggerRequest]
  >;
  epoch?: Section<TriggerVars<S, Keys<C>>, EpochRequest>;
}

export interface InstantTriggerDef<
  N extends string,
  S extends ParameterList,
  C extends AnyConnection | undefined,
> extends ModuleDefBase<N, S, C> {
  type: 'instant_trigger';
  webhook: WebhookDefinition;
  communication?: Section<InstantTriggerVars<S, Keys<C>>, InstantTriggerRequest>;
}

export interface ResponderDef<
  N extends string,
  S extends ParameterList,
  M extends ParameterList,
  C extends AnyConnection | undefined,
> extends Omit<ModuleDefBase<N, S, C>, 'interface'> {
  type: 'responder';
  mappableParameters?: M;
  communication: Section<ModuleVars<Params<S, M>, Keys<C>>, ResponderCommunication>;
}

export interface UniversalDef<
  N extends string,
  S extends ParameterList,
  M extends ParameterList,
  C extends AnyConnection | undefined,
> extends ModuleDefBase<N, S, C> {
  type: 'universal';
  mappableParameters?: M;
  communication: Section<ModuleVars<Params<S, M>, Keys<C>>, OneOrMany<UniversalRequest>>;
}

export type ModuleDef<
  N extends string,
  S extends ParameterList,
  M extends ParameterList,
  C extends AnyConnection | undefined,
> =
  | ActionDef<N, S, M, C>
  | SearchDef<N, S, M, C>
  | TriggerDef<N, S, C>
  | InstantTriggerDef<N, S, C>
  | ResponderDef<N, S, M, C>
  | UniversalDef<N, S, M, C>;

export interface ModuleDefinition<N extends string = string, T extends ModuleType = ModuleType>
  extends Definition<'module', N> {
  readonly moduleType: T;
}

export function defineModule<
  const N extends string,
  const S extends ParameterList = [],
  const M extends ParameterList = [],
  C extends AnyConnection | undefined = undefined,
>(def: ModuleDef<N, S, M, C>): ModuleDefinition<N> {
  const { name, label, description, type, connection, altConnection, ...rest } = def as ModuleDef<
    N,
    S,
    M,
    C
  > & {
    crud?: ActionCrud;
    webhook?: WebhookDefinition;
  };
  const { crud, webhook, ...sections } = rest;
  return {
    kind: 'module',
    name,
    moduleType: type,
    meta: defined({
      label,
      description,
      moduleType: type,
      actionCrud: type === 'action' ? (crud ?? null) : undefined,
      connection: connection?.name ?? null,
      altConnection: altConnection?.name ?? null,
      webhook: webhook?.name,
    }),
    sections: defined(sections),
    origin: callerOrigin(),
  };
}
