/**
 * Make's error types (make-iml.md §11.6–§11.7): the names an app may give in `error.type` and
 * `valid.type`, and the types `errorFactory` raises. The first nine are the ones Make's editor
 * schema and docs describe; the rest are the other error classes of Make's engine, plus `Warning`.
 */
export const MAKE_ERROR_TYPES = [
  'RuntimeError',
  'DataError',
  'RateLimitError',
  'OutOfSpaceError',
  'ConnectionError',
  'InvalidConfigurationError',
  'InvalidAccessTokenError',
  'IncompleteDataError',
  'DuplicateDataError',
  'UnknownError',
  'InconsistencyError',
  'UnexpectedError',
  'MaxResultsExceededError',
  'MaxFileSizeExceededError',
  'ModuleTimeoutError',
  'ScenarioTimeoutError',
  'OperationsLimitExceededError',
  'DataSizeLimitExceededError',
  'ExecutionInterruptedError',
  'Warning',
] as const;
export type MakeErrorType = (typeof MAKE_ERROR_TYPES)[number];

export function isMakeErrorType(name: string): name is MakeErrorType {
  return (MAKE_ERROR_TYPES as readonly string[]).includes(name);
}
