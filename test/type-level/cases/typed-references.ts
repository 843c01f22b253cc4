// Cases for the typed references of the authoring API. A line `// @expect-error <text>` says the
// following line must have a TypeScript error whose message contains <text>; nothing else may error.
import { defineBase, defineConnection, defineModule, defineRpc, defineWebhook, expr, rpcUrl } from '../../../generator/compile/index.ts';

const academy = defineConnection({
  name: 'academy',
  label: 'Academy',
  type: 'oauth',
  stores: ['accessToken', 'refreshToken', 'expires'],
  common: { clientId: 'placeholder' },
  scopes: { connect: 'Connect', read: 'Read', write: 'Write' },
  // @expect-error '"admin"' is not assignable
  defaultScope: ['connect', 'admin'],
  communication: ({ body, common, data }) => ({
    token: {
      url: 'https://example.com/token',
      // @expect-error Property 'clientSecret' does not exist
      body: { client_id: common.clientId, client_secret: common.clientSecret },
      response: { data: { accessToken: body.access_token, refreshToken: body.refresh_token } },
    },
    refresh: {
      condition: expr`${data.expires} < addMinutes(now, 1)`,
      url: 'https://example.com/refresh',
      // @expect-error Property 'refreshTokn' does not exist
      body: { refresh_token: data.refreshTokn },
    },
  }),
});

// Declared parameters type what the communication may reference.
export const searchOk = defineModule({
  name: 'searchThings',
  type: 'search',
  label: 'Search things',
  description: 'Finds things.',
  connection: academy,
  scope: ['read'],
  mappableParameters: [
    { name: 'limit', type: 'uinteger', label: 'Limit' },
    { name: 'filter', type: 'collection', label: 'Filter', spec: [{ name: 'since', type: 'date' }] },
  ],
  communication: ({ parameters, connection, body }) => ({
    url: '/things',
    headers: { authorization: `Bearer ${connection.accessToken}` },
    qs: { since: parameters.filter.since },
    response: { iterate: body.items, limit: parameters.limit },
  }),
});

export const undeclaredParameter = defineModule({
  name: 'searchTypo',
  type: 'search',
  label: 'Search',
  description: 'Typo in a parameter reference.',
  mappableParameters: [{ name: 'limit', type: 'uinteger' }],
  communication: ({ parameters }) => ({
    url: '/things',
    // @expect-error Property 'limt' does not exist
    response: { limit: parameters.limt },
  }),
});

export const undeclaredNestedField = defineModule({
  name: 'searchNested',
  type: 'search',
  label: 'Search',
  description: 'Reads a field the collection does not declare.',
  mappableParameters: [{ name: 'filter', type: 'collection', spec: [{ name: 'since', type: 'date' }] }],
  communication: ({ parameters }) => ({
    url: '/things',
    // @expect-error Property 'until' does not exist
    qs: { until: parameters.filter.until },
  }),
});

export const unstoredConnectionData = defineModule({
  name: 'getThing',
  type: 'action',
  label: 'Get',
  description: 'Reads connection data the connection never stores.',
  connection: academy,
  communication: ({ connection }) => ({
    url: '/things',
    // @expect-error Property 'apiKey' does not exist
    headers: { 'x-api-key': connection.apiKey },
  }),
});

export const noConnectionNoData = defineModule({
  name: 'getPublic',
  type: 'action',
  label: 'Get',
  description: 'A module without a connection has no connection data.',
  communication: ({ connection }) => ({
    url: '/things',
    // @expect-error Property 'accessToken' does not exist
    headers: { authorization: connection.accessToken },
  }),
});

export const unknownScope = defineModule({
  name: 'deleteThing',
  type: 'action',
  label: 'Delete',
  description: 'Asks for a scope the connection does not declare.',
  connection: academy,
  // @expect-error '"delete"' is not assignable
  scope: ['delete'],
  communication: { url: '/things/1', method: 'DELETE' },
});

const listThings = defineRpc({
  name: 'listThings',
  label: 'List things',
  parameters: [{ name: 'kind', type: 'text' }],
  communication: ({ parameters, body, item }) => ({
    url: '/things',
    qs: { kind: parameters.kind },
    response: { iterate: body.items, output: { label: item.name, value: item.id } },
  }),
});
export const option = rpcUrl(listThings);

export const rpcUndeclared = defineRpc({
  name: 'listOther',
  label: 'List other',
  parameters: [{ name: 'kind', type: 'text' }],
  communication: ({ parameters }) => ({
    url: '/other',
    // @expect-error Property 'type' does not exist
    qs: { type: parameters.type },
  }),
});

export const hook = defineWebhook({
  name: 'events',
  label: 'Events',
  type: 'web',
  connection: academy,
  stores: ['hookId'],
  communication: ({ body }) => ({ output: body }),
  attach: ({ webhook, body }) => ({
    url: 'https://example.com/hooks',
    method: 'POST',
    body: { url: webhook.url },
    response: { data: { hookId: body.id } },
  }),
  detach: ({ webhook }) => ({
    // @expect-error Property 'hookID' does not exist
    url: `https://example.com/hooks/${webhook.hookID}`,
    method: 'DELETE',
  }),
});

export const base = defineBase({
  connection: academy,
  communication: ({ connection }) => ({
    baseUrl: 'https://example.com/api',
    headers: { authorization: `Bearer ${connection.accessToken}` },
    // @expect-error Property 'apiToken' does not exist
    qs: { token: connection.apiToken },
  }),
});

export const pollingTrigger = defineModule({
  name: 'watchThings',
  type: 'trigger',
  label: 'Watch things',
  description: 'Polling trigger bookkeeping is typed.',
  connection: academy,
  staticParameters: [{ name: 'limit', type: 'uinteger' }],
  communication: ({ parameters, data, body, item }) => ({
    url: '/things',
    // @expect-error Property 'lastDat' does not exist
    qs: { since: data.lastDate, after: data.lastDat },
    response: {
      iterate: body.items,
      limit: parameters.limit,
      trigger: { type: 'date', order: 'desc', id: item.id, date: item.createdAt },
    },
  }),
});
