import type { ConnectionVars, DataRefs, Section } from './context.ts';
import { type Definition, defined } from './definition.ts';
import { callerOrigin } from './origin.ts';
import type { ParameterList } from './parameters.ts';
import type { BasicConnectionRequest, ImlValue, OAuthCommunication } from './request.ts';
import type { SecretValue } from './secret.ts';

type NamesOf<P extends ParameterList> = Extract<Exclude<P[number], string>, { name: string }>['name'];

/** Connection common data: may hold secrets (resolved at build time, placeholders otherwise). */
export type ConnectionCommon = { readonly [key: string]: ImlValue | SecretValue };

interface ConnectionDefBase<
  N extends string,
  P extends ParameterList,
  D extends string,
  C extends ConnectionCommon,
> {
  name: N;
  label: string;
  /** Names of the values the connection stores (written by `response.data`, read as `connection.<name>`). */
  stores?: readonly D[];
  parameters?: P;
  common?: C;
  installSpec?: ParameterList;
  installDirectives?: Record<string, unknown>;
}

export interface BasicConnectionDef<
  N extends string,
  P extends ParameterList,
  D extends string,
  C extends ConnectionCommon,
> extends ConnectionDefBase<N, P, D, C> {
  type: 'basic';
  communication?: Section<
    ConnectionVars<P, D | NamesOf<P>, keyof C & string>,
    BasicConnectionRequest<D> | readonly BasicConnectionRequest<D>[]
  >;
}

export interface OAuthConnectionDef<
  N extends string,
  P extends ParameterList,
  D extends string,
  C extends ConnectionCommon,
  S extends string,
> extends ConnectionDefBase<N, P, D, C> {
  type: 'oauth';
  /** Scope list: scope → description shown to users. */
  scopes?: { readonly [scope in S]: string };
  /** Scopes always requested. */
  defaultScope?: readonly NoInfer<S>[];
  communication?: Section<ConnectionVars<P, D | NamesOf<P>, keyof C & string>, OAuthCommunication<D>>;
}

/** A connection; its type remembers what it stores and which scopes it knows, for modules to check. */
export interface ConnectionDefinition<
  N extends string = string,
  K extends string = string,
  S extends string = string,
> extends Definition<'connection', N> {
  /** Type-only: the data modules may read as `connection.<key>`. */
  readonly __stores?: K;
  /** Type-only: scopes modules may require. */
  readonly __scopes?: S;
}

export type StoredKeys<C> = C extends ConnectionDefinition<string, infer K, string> ? K : never;
export type ScopesOf<C> = C extends ConnectionDefinition<string, string, infer S> ? S : never;
export type ConnectionRefs<C> = DataRefs<StoredKeys<C>>;

export function defineConnection<
  const N extends string,
  const P extends ParameterList = [],
  const D extends string = never,
  // biome-ignore lint/complexity/noBannedTypes: the empty object is the "no common data" default
  const C extends ConnectionCommon = {},
  const S extends string = never,
>(
  def: BasicConnectionDef<N, P, D, C> | OAuthConnectionDef<N, P, D, C, S>,
): ConnectionDefinition<N, D | NamesOf<P>, S> {
  const { name, label, type, stores: _stores, ...sections } = def;
  return {
    kind: 'connection',
    name,
    meta: { label, connectionType: type },
    sections: defined(sections),
    origin: callerOrigin(),
  };
}

/** Any connection (for fields that accept one). */
export type AnyConnection = ConnectionDefinition<string, string, string>;
