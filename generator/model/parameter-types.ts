/**
 * Parameter types (make-iml.md §9.3). The documented ones are what the authoring API offers;
 * Make's schema also accepts the others (older, internal or editor-only kinds), so the linter
 * accepts them too. A test keeps `schemas/defs/parameter.json` equal to both lists together.
 */
export const PARAMETER_TYPES = [
  'any',
  'array',
  'boolean',
  'buffer',
  'cert',
  'collection',
  'color',
  'date',
  'email',
  'filename',
  'folder',
  'file',
  'filter',
  'hidden',
  'json',
  'integer',
  'uinteger',
  'number',
  'password',
  'path',
  'pkey',
  'port',
  'select',
  'text',
  'time',
  'timestamp',
  'timezone',
  'url',
  'uuid',
  'banner',
  'udt',
] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

/** Accepted by Make's parameter schema without being documented as parameter types. */
export const OTHER_PARAMETER_TYPES = [
  'aiagent',
  'account',
  'hook',
  'device',
  'keychain',
  'datastore',
  'scenario',
  'checkbox',
  'list',
  'radio',
  'filestorage',
  'markdown',
  'html',
  'separator',
  'udttype',
  'udtspec',
  'upload',
  'dynamicCollection',
  'editor',
] as const;
