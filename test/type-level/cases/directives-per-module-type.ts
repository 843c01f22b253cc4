// Directives Make does not allow in a place are TypeScript errors (make-iml.md §7.2, §12.6).
// A marker line (expect-error, then <text>) says the next line must error with a message containing <text>.
import { defineConnection, defineModule, defineWebhook } from '../../../generator/compile/index.ts';

const hook = defineWebhook({ name: 'events', label: 'Events', type: 'web', communication: { output: '{{body}}' } });

// @expect-error 'pagination' are incompatible
export const actionWithPagination = defineModule({
  name: 'actionPaged',
  type: 'action',
  label: 'A',
  description: 'Actions return one bundle: no pagination.',
  communication: { url: '/x', pagination: { qs: { page: '{{pagination.page}}' } } },
});

// @expect-error 'limit' are incompatible
export const actionWithLimit = defineModule({
  name: 'actionLimit',
  type: 'action',
  label: 'A',
  description: 'No limit in actions.',
  communication: { url: '/x', response: { limit: 5 } },
});

// @expect-error 'iterate' are incompatible
export const universalWithIterate = defineModule({
  name: 'universalIterate',
  type: 'universal',
  label: 'U',
  description: 'No iterate in universal modules.',
  communication: { url: '/x', response: { iterate: '{{body}}' } },
});

export const searchWithTrigger = defineModule({
  name: 'searchTrigger',
  type: 'search',
  label: 'S',
  description: 'response.trigger belongs to polling triggers.',
  // @expect-error trigger
  communication: { url: '/x', response: { trigger: { type: 'id', order: 'desc', id: '{{item.id}}' } } },
});

export const searchWithEpoch = defineModule({
  name: 'searchEpoch',
  type: 'search',
  label: 'S',
  description: 'Epoch only in polling triggers.',
  communication: { url: '/x' },
  // @expect-error 'epoch' does not exist
  epoch: { url: '/x', response: { output: { label: '{{item.name}}', date: '{{item.date}}' } } },
});

// @expect-error 'trigger' is missing
export const triggerWithoutTrigger = defineModule({
  name: 'triggerBare',
  type: 'trigger',
  label: 'T',
  description: 'Polling triggers need response.trigger.',
  communication: { url: '/x', response: { iterate: '{{body}}' } },
});

export const triggerWithMappable = defineModule({
  name: 'triggerMappable',
  type: 'trigger',
  label: 'T',
  description: 'Triggers take static parameters only.',
  // @expect-error 'mappableParameters' does not exist
  mappableParameters: [{ name: 'q', type: 'text' }],
  communication: { url: '/x', response: { trigger: { type: 'id', order: 'desc', id: '{{item.id}}' } } },
});

// @expect-error 'webhook' is missing
export const instantWithoutWebhook = defineModule({
  name: 'instantBare',
  type: 'instant_trigger',
  label: 'I',
  description: 'Instant triggers need a webhook.',
});

// @expect-error 'pagination' are incompatible
export const instantWithPagination = defineModule({
  name: 'instantPaged',
  type: 'instant_trigger',
  label: 'I',
  description: 'No pagination in instant triggers.',
  webhook: hook,
  communication: { url: '/x', pagination: { condition: true } },
});

export const responderWithUrl = defineModule({
  name: 'responderUrl',
  type: 'responder',
  label: 'R',
  description: 'A responder only answers the caller.',
  // @expect-error 'status' does not exist
  communication: { url: '/x', response: { status: 200 } },
});

export const moduleWritingConnectionData = defineModule({
  name: 'actionData',
  type: 'action',
  label: 'A',
  description: 'response.data belongs to connections.',
  // @expect-error 'data' are incompatible
  communication: { url: '/x', response: { data: { token: '{{body.token}}' } } },
});

// A directive in a builder callback is checked just the same.
// @expect-error 'pagination' are incompatible
export const actionPagedInBuilder = defineModule({
  name: 'actionBuilder',
  type: 'action',
  label: 'A',
  description: 'Builders are checked like literals.',
  mappableParameters: [{ name: 'id', type: 'text' }],
  communication: ({ parameters, pagination }) => ({
    url: `/x/${parameters.id}`,
    pagination: { qs: { page: pagination.page } },
  }),
});

export const basicConnectionWithPagination = defineConnection({
  name: 'key',
  label: 'Key',
  type: 'basic',
  parameters: [{ name: 'apiKey', type: 'password', label: 'API key' }],
  // @expect-error 'pagination' are incompatible
  communication: { url: 'https://example.com/me', pagination: { condition: true } },
});

export const basicConnectionWithScope = defineConnection({
  name: 'key2',
  label: 'Key',
  type: 'basic',
  // @expect-error 'scope' are incompatible
  communication: { url: 'https://example.com/me', response: { scope: '{{body.scope}}' } },
});
