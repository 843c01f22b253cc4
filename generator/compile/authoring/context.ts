/**
 * The variables a component's IML may read, as typed references. Builders receive one of these
 * objects and destructure what they need: `({ parameters, connection, body }) => ({ ... })`.
 * What is typed is what the component declares: its parameters and the data its connection stores.
 */
import { type AnyRef, type Expr, now, type Ref, ref, timestamp, uuid } from './iml.ts';
import type { ParameterList, ParamRefs } from './parameters.ts';

/** References to the data a connection stores (`connection.accessToken` ...). */
export type DataRefs<K extends string> = { readonly [key in K]: Ref };

/** Variables available everywhere a request is evaluated. */
export interface RequestVars {
  now: Expr;
  timestamp: Expr;
  uuid: Expr;
  environment: AnyRef;
  temp: AnyRef;
}

/** Variables of the response stage (and pagination). */
export interface ResponseVars {
  body: AnyRef;
  headers: AnyRef;
  statusCode: Ref;
  item: AnyRef;
  output: AnyRef;
  iterate: AnyRef;
  pagination: { readonly page: Ref };
}

/** Modules, RPCs and base: parameters of the component and the connection's stored data. */
export interface ModuleVars<P extends ParameterList, K extends string> extends RequestVars, ResponseVars {
  parameters: ParamRefs<P>;
  connection: DataRefs<K>;
  common: AnyRef;
  data: AnyRef;
  metadata: AnyRef;
  scenario: AnyRef;
}

/** Polling triggers read their bookkeeping from module data. */
export interface TriggerVars<P extends ParameterList, K extends string>
  extends Omit<ModuleVars<P, K>, 'data'> {
  data: { readonly lastDate: Ref; readonly lastID: Ref };
}

export interface InstantTriggerVars<P extends ParameterList, K extends string> extends ModuleVars<P, K> {
  /** The bundle the webhook produced. */
  payload: AnyRef;
  webhook: AnyRef;
}

/** Connection code: its parameters, its stored data (`connection`/`data`), its common data, `oauth.*`. */
export interface ConnectionVars<P extends ParameterList, K extends string, C extends string>
  extends RequestVars,
    Omit<ResponseVars, 'item' | 'output' | 'iterate' | 'pagination'> {
  parameters: ParamRefs<P>;
  connection: DataRefs<K>;
  data: DataRefs<K>;
  common: DataRefs<C>;
  oauth: {
    readonly scope: Ref;
    readonly redirectUri: Ref;
    readonly localRedirectUri: Ref;
    readonly makeRedirectUri: Ref;
    readonly state: Ref;
  };
  /** The callback's query string (in `authorize.response`). */
  query: AnyRef;
}

/** Webhook `api`: the incoming request. */
export interface WebhookVars<P extends ParameterList> {
  now: Expr;
  environment: AnyRef;
  parameters: ParamRefs<P>;
  data: ParamRefs<P>;
  body: AnyRef;
  query: AnyRef;
  headers: AnyRef;
  method: Ref;
  item: AnyRef;
}

/** Attach/detach/update: the webhook's id, url and stored data, plus the connection's data. */
export interface WebhookSectionVars<P extends ParameterList, K extends string, W extends string>
  extends RequestVars,
    Omit<ResponseVars, 'pagination' | 'iterate'> {
  parameters: ParamRefs<P>;
  connection: DataRefs<K>;
  common: AnyRef;
  webhook: DataRefs<'id' | 'url' | W>;
}

/** At run time every variable is a reference rooted at its own name. */
export function createVars<T>(): T {
  const fixed: Record<string, unknown> = { now, timestamp, uuid };
  return new Proxy(
    {},
    {
      get(_t, prop) {
        if (typeof prop !== 'string') return undefined;
        return fixed[prop] ?? ref(prop);
      },
    },
  ) as T;
}

/** A section given either as a value or as a builder receiving the typed variables. */
export type Section<V, T> = T | ((vars: V) => T);
