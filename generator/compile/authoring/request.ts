/**
 * Request and response directives (§3–§5 of make-iml.md), split by where Make allows them so a
 * directive in the wrong place is a TypeScript error (e.g. `pagination` in an action, `trigger`
 * outside a polling trigger, `expires` outside an OAuth connection). Values may be plain JSON,
 * IML strings, or typed references (`Ref`/`Expr`), which compile to `{{...}}` strings.
 */
import type {
  DirectivePlace,
  MakeErrorType,
  PlaceRequest,
  PlaceResponse,
  RequestDirective,
  ResponseDirective,
} from '../../model/index.ts';
import type { Expr } from './iml.ts';

export type ImlString = string | Expr;
/** A string holding IML (`"{{parameters.method}}"`): accepted wherever Make allows IML instead of a fixed value. */
export type ImlTemplate = `${string}{{${string}}}${string}`;
export type ImlPrimitive = string | number | boolean | null | Expr;
/** Any JSON value in which strings may hold IML and references may stand in for values. */
export type ImlValue = ImlPrimitive | readonly ImlValue[] | { readonly [key: string]: ImlValue | undefined };
/** Flat objects (`headers`, `qs`): one level, primitive or array values. */
export type FlatObject = { readonly [key: string]: ImlPrimitive | readonly ImlPrimitive[] | undefined };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type RequestBodyType =
  | 'json'
  | 'urlencoded'
  | 'multipart/form-data'
  | 'text'
  | 'string'
  | 'raw'
  | 'binary';
export type ResponseBodyType =
  | 'automatic'
  | 'json'
  | 'urlencoded'
  | 'text'
  | 'raw'
  | 'string'
  | 'binary'
  | 'xml';
/** One of Make's error types (the model's list), as `error.type` and `valid.type` accept. */
export type ErrorType = MakeErrorType;

export type Condition = boolean | ImlString | { condition: boolean | ImlString; default?: ImlValue };

/**
 * Marks directives Make does not allow in a place. Excess-property checks do not reach object
 * literals returned from builder callbacks, so forbidden keys are spelled out as `never`.
 */
export type Forbid<K extends string> = { readonly [P in K]?: never };

/** Directives every HTTP request may carry (connections included). */
export interface RequestCore {
  url?: ImlString;
  encodeUrl?: boolean;
  method?: HttpMethod | Expr | ImlTemplate;
  headers?: FlatObject | Expr | ImlTemplate;
  qs?: FlatObject | Expr | ImlTemplate;
  body?: ImlValue;
  type?: RequestBodyType | Expr | ImlTemplate;
  ca?: string;
  gzip?: boolean;
  temp?: { readonly [key: string]: ImlValue };
  condition?: Condition;
  repeat?: { condition: ImlString; delay?: number; limit?: number };
  followRedirects?: boolean;
  followAllRedirects?: boolean;
  /** Milliseconds, 1 to 300000; Make's default is 40 s. */
  timeout?: number | ImlTemplate;
  /** `false` accepts a server certificate that does not verify (self-signed). */
  rejectUnauthorized?: boolean;
  /** Dot paths starting with `request.` or `response.` whose values are hidden in logs. */
  log?: { sanitize?: readonly (`request.${string}` | `response.${string}`)[] };
  oauth?: { readonly [key: string]: ImlValue };
}

/** AWS signing: not available in connections. */
export interface AwsDirective {
  aws?: {
    key?: ImlString;
    secret?: ImlString;
    session?: ImlString;
    bucket?: ImlString;
    sign_version?: '2' | '4' | Expr | ImlTemplate;
  };
}

export interface Pagination {
  mergeWithParent?: boolean;
  url?: ImlString;
  method?: HttpMethod | Expr | ImlTemplate;
  headers?: FlatObject;
  qs?: FlatObject;
  body?: ImlValue;
  condition?: boolean | ImlString;
}

export interface ErrorSpec {
  message?: ImlString;
  type?: ErrorType | Expr | ImlTemplate;
  [status: `${number}`]: { message: ImlString; type?: ErrorType | Expr | ImlTemplate };
}

/** Response directives every request may use. */
export interface ResponseCore {
  type?: ResponseBodyType | Expr | ImlTemplate | { readonly [status: string]: ResponseBodyType };
  valid?:
    | boolean
    | ImlString
    | { condition: ImlString; message?: ImlString; type?: ErrorType | Expr | ImlTemplate };
  error?: ImlString | ErrorSpec;
  temp?: { readonly [key: string]: ImlValue };
}

export interface ResponseOutput {
  output?: ImlValue;
  wrapper?: ImlValue;
}

export interface ResponseIterate {
  iterate?: ImlString | { container: ImlString; condition?: boolean | ImlString };
}

export interface ResponseLimit {
  limit?: number | ImlString;
}

export interface TriggerSpec {
  type: 'id' | 'date' | Expr | ImlTemplate;
  order: 'asc' | 'desc' | 'unordered' | Expr | ImlTemplate;
  id: ImlString;
  date?: ImlString;
}

/**
 * Keys Make rejects at the top of this place's request: other places' directives, and response
 * directives written outside `response`. Derived from the model's directive table.
 */
type ForbidInRequest<P extends DirectivePlace> = Forbid<
  Exclude<RequestDirective | ResponseDirective, PlaceRequest<P>>
>;
/** Keys Make rejects in this place's `response`, derived from the model's directive table. */
type ForbidInResponse<P extends DirectivePlace> = Forbid<Exclude<ResponseDirective, PlaceResponse<P>>>;

/** `unwrap`: the response of actions, searches and RPCs. */
export interface ResponseUnwrap {
  unwrap?: boolean;
}

/** Action requests: one bundle out, so no `limit`, `iterate` or `pagination`. */
export interface ActionRequest extends RequestCore, AwsDirective, ForbidInRequest<'action'> {
  response?: ResponseCore & ResponseOutput & ResponseUnwrap & ForbidInResponse<'action'>;
}

/**
 * Universal ("Make an API call") requests: one bundle like an action, but the API the user calls
 * may page, so `pagination` is allowed.
 */
export interface UniversalRequest extends RequestCore, AwsDirective, ForbidInRequest<'universal'> {
  pagination?: Pagination;
  response?: ResponseCore & ResponseOutput & ForbidInResponse<'universal'>;
}

/** Search requests: iterate, limit and pagination. */
export interface SearchRequest extends RequestCore, AwsDirective, ForbidInRequest<'search'> {
  pagination?: Pagination;
  response?: ResponseCore &
    ResponseOutput &
    ResponseUnwrap &
    ResponseIterate &
    ResponseLimit &
    ForbidInResponse<'search'>;
}

/** The request of a polling trigger that yields the items: `url` and `response.trigger` required. */
export interface TriggerRequest extends RequestCore, AwsDirective, ForbidInRequest<'trigger'> {
  url: ImlString;
  pagination?: Pagination;
  response: ResponseCore &
    ResponseOutput &
    ResponseIterate &
    ResponseLimit & { trigger: TriggerSpec } & ForbidInResponse<'trigger'>;
}

/** Instant triggers: one optional request, no iterate and no pagination. */
export interface InstantTriggerRequest extends RequestCore, AwsDirective, ForbidInRequest<'instant_trigger'> {
  response?: ResponseCore & ResponseOutput & ForbidInResponse<'instant_trigger'>;
}

/** RPCs: like searches; `trigger` too, for an RPC that feeds a polling trigger's epoch. */
export interface RpcRequest extends RequestCore, AwsDirective, ForbidInRequest<'rpc'> {
  pagination?: Pagination;
  response?: ResponseCore &
    ResponseOutput &
    ResponseUnwrap &
    ResponseIterate &
    ResponseLimit & { trigger?: TriggerSpec } & ForbidInResponse<'rpc'>;
}

/** Epoch ("Choose where to start"): one request whose output is `{label, date}`. */
export interface EpochRequest extends RequestCore, AwsDirective, ForbidInRequest<'epoch'> {
  pagination?: Pagination;
  response: ResponseCore &
    ForbidInResponse<'epoch'> &
    ResponseIterate &
    ResponseLimit & { output: { label: ImlValue; date: ImlValue; [key: string]: ImlValue } };
}

/** The responder's only communication: the HTTP reply to the caller of the instant trigger. */
export interface ResponderCommunication extends ForbidInRequest<'responder'> {
  response: WebhookRespond;
}

/** Base: defaults for modules and RPCs. */
export interface BaseRequest extends RequestCore, AwsDirective, ForbidInRequest<'base'> {
  baseUrl?: ImlString;
  pagination?: Pagination;
  response?: ResponseCore &
    ResponseOutput &
    ResponseIterate &
    ResponseLimit &
    ForbidInResponse<'base'> & {
      data?: { readonly [key: string]: ImlValue };
      uid?: ImlString | number;
      metadata?: ConnectionMetadata;
    };
}

/** Connection data written by `response.data`: only the keys the connection declares it stores. */
export type StoredData<K extends string> = { readonly [key in K]?: ImlValue };

export interface ConnectionMetadata {
  type?: 'text' | 'email' | Expr | ImlTemplate;
  value: ImlString;
}

export interface ConnectionResponseExtras<K extends string> {
  data?: StoredData<K>;
  uid?: ImlString | number;
  metadata?: ConnectionMetadata;
  /** When the whole connection (for OAuth, the refresh token) expires. */
  expires?: ImlString;
}

/** A basic connection's single request. */
export interface BasicConnectionRequest<K extends string>
  extends RequestCore,
    ForbidInRequest<'connection-basic'> {
  response?: ResponseCore & ConnectionResponseExtras<K> & ForbidInResponse<'connection-basic'>;
}

/** One OAuth 2 section (authorize, token, info, refresh, invalidate, preauthorize). */
export interface OAuthSectionRequest<K extends string> extends RequestCore, ForbidInRequest<'oauth-section'> {
  response?: ResponseCore &
    ConnectionResponseExtras<K> &
    ForbidInResponse<'oauth-section'> & {
      /** Granted scopes (ignored under `refresh`). */
      scope?: ImlValue;
    };
}

export interface OAuthCommunication<K extends string> {
  preauthorize?: OAuthSectionRequest<K>;
  authorize?: OAuthSectionRequest<K>;
  token?: OAuthSectionRequest<K>;
  info?: OAuthSectionRequest<K>;
  refresh?: OAuthSectionRequest<K>;
  invalidate?: OAuthSectionRequest<K>;
}

/** Webhook `api`: how an incoming request becomes bundles. */
export interface WebhookCommunication {
  verification?: { condition: Condition; respond: WebhookRespond };
  respond?: WebhookRespond;
  iterate?: ImlString | { container: ImlString; condition?: boolean | ImlString };
  output?: ImlValue;
  condition?: boolean | ImlString;
  /** Shared webhooks: the user id in the payload, matched against the connection's `uid`. */
  uid?: ImlString;
}

/** The HTTP reply to a webhook's caller (a responder module's response, a webhook's `respond`). */
export interface WebhookRespond {
  type?: 'json' | 'urlencoded' | 'text' | Expr | ImlTemplate;
  status?: number | ImlString;
  headers?: FlatObject;
  body?: ImlValue;
}

/** Attach/detach/update: one request whose `response.data` is stored as webhook data. */
export interface WebhookRequest<K extends string>
  extends RequestCore,
    AwsDirective,
    ForbidInRequest<'webhook-section'> {
  response?: ResponseCore &
    ForbidInResponse<'webhook-section'> & {
      output?: ImlValue;
      data?: { readonly [key in K]?: ImlValue };
      uid?: ImlString | number;
    };
}

/** One request or several run in sequence. */
export type OneOrMany<R> = R | readonly R[];
