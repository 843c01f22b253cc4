// The authoring types allow exactly the directives the model's table allows in each place,
// except the ones the authoring API does not offer (listed below with the reason). A mismatch in
// either direction is a type error here, which fails the type-level test.
import type {
  ActionRequest,
  BaseRequest,
  BasicConnectionRequest,
  EpochRequest,
  InstantTriggerRequest,
  OAuthSectionRequest,
  ResponderCommunication,
  RpcRequest,
  SearchRequest,
  TriggerRequest,
  UniversalRequest,
  WebhookRequest,
} from '../../../generator/compile/authoring/request.ts';
import type {
  DirectivePlace,
  INTERNAL_DIRECTIVES,
  PlaceRequest,
  PlaceResponse,
} from '../../../generator/model/index.ts';

/**
 * Not offered: `while` (an alias of `repeat`), `isc` and `agency` (Make-internal), `endpoint` and
 * `input` (Endpoint components are not authored), and `response.oauth` (OAuth 1.0 helpers).
 */
type NotAuthoredRequest = 'while' | (typeof INTERNAL_DIRECTIVES)[number] | 'endpoint' | 'input';
type NotAuthoredResponse = 'oauth';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** The keys an author may set: the forbidden ones are typed `never` (optional, so `undefined`). */
type Authored<T> = { [K in keyof T]-?: [Exclude<T[K], undefined>] extends [never] ? never : K }[keyof T];
type ResponseOf<T> = T extends { response?: infer R } ? NonNullable<R> : never;

type Matches<T, P extends DirectivePlace> = [
  Equal<Authored<T>, Exclude<PlaceRequest<P>, NotAuthoredRequest>>,
  Equal<Authored<ResponseOf<T>>, Exclude<PlaceResponse<P>, NotAuthoredResponse>>,
];

export const checks: [true, true][] = [
  [] as unknown as Matches<ActionRequest, 'action'>,
  [] as unknown as Matches<SearchRequest, 'search'>,
  [] as unknown as Matches<TriggerRequest, 'trigger'>,
  [] as unknown as Matches<InstantTriggerRequest, 'instant_trigger'>,
  [] as unknown as Matches<UniversalRequest, 'universal'>,
  [] as unknown as Matches<ResponderCommunication, 'responder'>,
  [] as unknown as Matches<EpochRequest, 'epoch'>,
  [] as unknown as Matches<RpcRequest, 'rpc'>,
  [] as unknown as Matches<BaseRequest, 'base'>,
  [] as unknown as Matches<BasicConnectionRequest<'token'>, 'connection-basic'>,
  [] as unknown as Matches<OAuthSectionRequest<'token'>, 'oauth-section'>,
  [] as unknown as Matches<WebhookRequest<'id'>, 'webhook-section'>,
];

// The check can fail: each type below differs from the other place's directives by at least one key.
// @expect-error is not assignable to type '[true, true]'
export const searchIsNotAnAction: [true, true] = [] as unknown as Matches<SearchRequest, 'action'>;
// @expect-error is not assignable to type '[true, true]'
export const actionIsNotASearch: [true, true] = [] as unknown as Matches<ActionRequest, 'search'>;
// @expect-error is not assignable to type '[true, true]'
export const searchIsNotAnRpc: [true, true] = [] as unknown as Matches<SearchRequest, 'rpc'>;
// @expect-error is not assignable to type '[true, true]'
export const basicIsNotOAuth: [true, true] = [] as unknown as Matches<BasicConnectionRequest<'t'>, 'oauth-section'>;
// @expect-error is not assignable to type '[true, true]'
export const baseIsNotUniversal: [true, true] = [] as unknown as Matches<BaseRequest, 'universal'>;
// @expect-error is not assignable to type '[true, true]'
export const hookIsNotInstant: [true, true] = [] as unknown as Matches<WebhookRequest<'id'>, 'instant_trigger'>;
