import { SEVERITIES } from '../../model/index.ts';

/** JSON Schema of `make-app.config.json` / `.make-app.json` (JSONC). */
export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'make-app lint configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    profile: {
      type: 'string',
      minLength: 1,
      description: 'API profile to lint with (built-in: academy-v2, generic).',
    },
    rules: {
      type: 'object',
      description: 'Rule id (or family "oauth/*") → severity.',
      additionalProperties: { enum: [...SEVERITIES, 'off'] },
    },
    ignore: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: 'Globs of files to skip.',
    },
    profiles: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          description: { type: 'string' },
          hosts: { type: 'array', items: { type: 'string', minLength: 1 } },
          lifetimeUnit: { enum: ['seconds', 'minutes', 'hours'] },
          methodScopes: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['method', 'scope'],
              properties: {
                method: { type: 'string', minLength: 1 },
                scope: { type: 'string', minLength: 1 },
              },
            },
          },
          scopeFreePaths: { type: 'array', items: { type: 'string', pattern: '^/' } },
          requiredAuthorizeScope: { type: 'string', minLength: 1 },
          unpaginatedPaths: { type: 'array', items: { type: 'string', pattern: '^/' } },
          paginatedLists: { type: 'boolean' },
        },
      },
    },
  },
} as const;
