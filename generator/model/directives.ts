/**
 * Which directives each place of an app may hold (make-iml.md §3–§7, §12): the keys of a request
 * and the keys of its `response`, per module type and per other request-shaped place. This is
 * the one list: the authoring types derive what they forbid from it, rules and the differ read
 * it, and a test keeps the JSON schemas (plain JSON shipped to editors) equal to it.
 */

/** What every request may carry, connections included. */
const CORE_REQUEST = [
  'url',
  'encodeUrl',
  'method',
  'headers',
  'qs',
  'body',
  'type',
  'ca',
  'gzip',
  'temp',
  'condition',
  'repeat',
  'while',
  'followRedirects',
  'followAllRedirects',
  'log',
  'oauth',
  'timeout',
  'rejectUnauthorized',
  'response',
] as const;
/** What every response may hold. */
const CORE_RESPONSE = ['type', 'valid', 'error', 'temp', 'oauth'] as const;

/** Make-internal keys Make's own schemas accept without describing them. */
export const INTERNAL_DIRECTIVES = ['isc', 'agency'] as const;

/** Every key a request object may hold somewhere in an app. */
export const REQUEST_DIRECTIVES = [
  ...CORE_REQUEST,
  'aws',
  'pagination',
  'baseUrl',
  'endpoint',
  'input',
  ...INTERNAL_DIRECTIVES,
] as const;
export type RequestDirective = (typeof REQUEST_DIRECTIVES)[number];

/** Every key a request's `response` may hold somewhere in an app. */
export const RESPONSE_DIRECTIVES = [
  ...CORE_RESPONSE,
  'output',
  'wrapper',
  'unwrap',
  'iterate',
  'limit',
  'trigger',
  'data',
  'uid',
  'metadata',
  'expires',
  'scope',
] as const;
export type ResponseDirective = (typeof RESPONSE_DIRECTIVES)[number];

/** The reply a responder module or a webhook's `respond` sends back to the caller. */
export const RESPOND_DIRECTIVES = ['type', 'status', 'headers', 'body'] as const;

/** Response directives that turn one response into many bundles; an action returns exactly one. */
export const LIST_DIRECTIVES = ['iterate', 'limit'] as const;

/** Requests of modules and RPCs: signed with AWS, run by Make's agents. */
const MODULE_REQUEST = [...CORE_REQUEST, 'aws', ...INTERNAL_DIRECTIVES] as const;
/** Requests that may delegate to an Endpoint component instead of sending themselves. */
const ENDPOINT = ['endpoint', 'input'] as const;
/** What a connection's response stores on the connection. */
const CONNECTION_RESPONSE = [...CORE_RESPONSE, 'data', 'uid', 'metadata', 'expires'] as const;

interface Place {
  readonly request: readonly RequestDirective[];
  readonly response: readonly (ResponseDirective | (typeof RESPOND_DIRECTIVES)[number])[];
}

export const DIRECTIVES_BY_PLACE = {
  action: {
    request: [...MODULE_REQUEST, ...ENDPOINT],
    response: [...CORE_RESPONSE, 'output', 'wrapper', 'unwrap'],
  },
  search: {
    request: [...MODULE_REQUEST, ...ENDPOINT, 'pagination'],
    response: [...CORE_RESPONSE, 'output', 'wrapper', 'unwrap', ...LIST_DIRECTIVES],
  },
  trigger: {
    request: [...MODULE_REQUEST, 'pagination'],
    response: [...CORE_RESPONSE, 'output', 'wrapper', ...LIST_DIRECTIVES, 'trigger'],
  },
  instant_trigger: {
    request: MODULE_REQUEST,
    response: [...CORE_RESPONSE, 'output', 'wrapper'],
  },
  universal: {
    request: [...MODULE_REQUEST, ...ENDPOINT, 'pagination'],
    response: [...CORE_RESPONSE, 'output', 'wrapper'],
  },
  /** A responder sends no request: its communication is only the reply. */
  responder: { request: ['response'], response: RESPOND_DIRECTIVES },
  /** A polling trigger's "Choose where to start" request. */
  epoch: {
    request: [...CORE_REQUEST, 'aws', 'pagination'],
    response: [...CORE_RESPONSE, 'output', ...LIST_DIRECTIVES],
  },
  rpc: {
    request: [...MODULE_REQUEST, ...ENDPOINT, 'pagination'],
    response: [...CORE_RESPONSE, 'output', 'wrapper', 'unwrap', ...LIST_DIRECTIVES, 'trigger'],
  },
  /** Defaults every module and RPC request inherits. */
  base: {
    request: [...CORE_REQUEST, 'aws', ...INTERNAL_DIRECTIVES, 'baseUrl', 'pagination'],
    response: [...CORE_RESPONSE, 'output', 'wrapper', ...LIST_DIRECTIVES, 'data', 'uid', 'metadata'],
  },
  'connection-basic': { request: CORE_REQUEST, response: CONNECTION_RESPONSE },
  /** One section of an OAuth connection (authorize, token, info, refresh, invalidate, preauthorize). */
  'oauth-section': { request: CORE_REQUEST, response: [...CONNECTION_RESPONSE, 'scope'] },
  /** A webhook's attach, detach or update request. */
  'webhook-section': {
    request: [...CORE_REQUEST, 'aws'],
    response: [...CORE_RESPONSE, 'output', 'data', 'uid'],
  },
} as const satisfies Record<string, Place>;

export type DirectivePlace = keyof typeof DIRECTIVES_BY_PLACE;
export type PlaceRequest<P extends DirectivePlace> = (typeof DIRECTIVES_BY_PLACE)[P]['request'][number];
export type PlaceResponse<P extends DirectivePlace> = (typeof DIRECTIVES_BY_PLACE)[P]['response'][number];

/** True when Make allows `key` in this place's request (`part: 'request'`) or its `response`. */
export function allowsDirective(place: DirectivePlace, part: keyof Place, key: string): boolean {
  return (DIRECTIVES_BY_PLACE[place][part] as readonly string[]).includes(key);
}
