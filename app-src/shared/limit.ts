/** The "Limit" field of searches: how many bundles to return at most (the API caps at 20 records). */
export const limitParameter = {
  name: 'limit',
  type: 'uinteger',
  label: 'Limit',
  help: 'Maximum number of results to return. The API returns at most 20 records.',
  default: 10,
  required: true,
  validate: { min: 1, max: 20 },
} as const;
