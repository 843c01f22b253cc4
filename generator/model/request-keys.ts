/** Directives of one request object (make-iml.md §3): what a module, RPC or connection section may hold. */
export const REQUEST_KEYS = [
  'url',
  'method',
  'headers',
  'qs',
  'body',
  'type',
  'encodeUrl',
  'followRedirects',
  'followAllRedirects',
  'condition',
  'response',
  'pagination',
  'log',
  'temp',
] as const;
