import type { Rule } from '../types.ts';
import { imlSyntaxError } from './iml-syntax-error.ts';
import { imlTempBeforeSet } from './iml-temp-before-set.ts';
import { imlUnavailableVariable } from './iml-unavailable-variable.ts';
import { imlUndeclaredParameter } from './iml-undeclared-parameter.ts';
import { imlUnknownConnectionData } from './iml-unknown-connection-data.ts';
import { imlUnknownFunction } from './iml-unknown-function.ts';
import { imlUnusedParameter } from './iml-unused-parameter.ts';
import { imlWrongArgumentType } from './iml-wrong-argument-type.ts';
import { imlWrongArity } from './iml-wrong-arity.ts';
import { imlZeroIndex } from './iml-zero-index.ts';
import { oauthClientSecretInAuthorize } from './oauth-client-secret-in-authorize.ts';
import { oauthExpiryUnit } from './oauth-expiry-unit.ts';
import { oauthGrantType } from './oauth-grant-type.ts';
import { oauthMissingExpires } from './oauth-missing-expires.ts';
import { oauthMissingInfo } from './oauth-missing-info.ts';
import { oauthMissingInvalidate } from './oauth-missing-invalidate.ts';
import { oauthRefreshMissing } from './oauth-refresh-missing.ts';
import { oauthRefreshTokenNotStored } from './oauth-refresh-token-not-stored.ts';
import { oauthRefreshWithoutCondition } from './oauth-refresh-without-condition.ts';
import { oauthTokenInQuery } from './oauth-token-in-query.ts';
import { oauthTokenRedirectMismatch } from './oauth-token-redirect-mismatch.ts';
import { scopeAuthorizeScopeMissing } from './scope-authorize-scope-missing.ts';
import { scopeDefaultScopeNotInList } from './scope-default-scope-not-in-list.ts';
import { scopeMethodScopeMissing } from './scope-method-scope-missing.ts';
import { scopeModuleScopeNotInList } from './scope-module-scope-not-in-list.ts';
import { securityCredentialsInCommon } from './security-credentials-in-common.ts';
import { securityPlainHttp } from './security-plain-http.ts';
import { securityPrototypeKey } from './security-prototype-key.ts';
import { securitySecretParameterNotPassword } from './security-secret-parameter-not-password.ts';
import { securityUniversalUserUrl } from './security-universal-user-url.ts';
import { securityUnsanitizedSecret } from './security-unsanitized-secret.ts';
import { structureActionReturnsArray } from './structure-action-returns-array.ts';
import { structureDuplicateParameterName } from './structure-duplicate-parameter-name.ts';
import { structureGroupDuplicateModule } from './structure-group-duplicate-module.ts';
import { structureGroupUnknownModule } from './structure-group-unknown-module.ts';
import { structureInstantTriggerWithoutWebhook } from './structure-instant-trigger-without-webhook.ts';
import { structureInvalidComponentId } from './structure-invalid-component-id.ts';
import { structureLimitNotPositive } from './structure-limit-not-positive.ts';
import { structureListWithoutPagination } from './structure-list-without-pagination.ts';
import { structureLogSanitizePath } from './structure-log-sanitize-path.ts';
import { structureMissingDescription } from './structure-missing-description.ts';
import { structureMissingErrorHandling } from './structure-missing-error-handling.ts';
import { structureMissingLabel } from './structure-missing-label.ts';
import { structureModuleNotInGroup } from './structure-module-not-in-group.ts';
import { structureMultipleUniversalModules } from './structure-multiple-universal-modules.ts';
import { structureNotSimulated } from './structure-not-simulated.ts';
import { structureRelativeUrlWithoutBase } from './structure-relative-url-without-base.ts';
import { structureRepeatBounds } from './structure-repeat-bounds.ts';
import { structureReservedParameterName } from './structure-reserved-parameter-name.ts';
import { structureRpcOptionsShape } from './structure-rpc-options-shape.ts';
import { structureRpcTargetMissing } from './structure-rpc-target-missing.ts';
import { structureRpcWithoutUrl } from './structure-rpc-without-url.ts';
import { structureSampleKeyNotInInterface } from './structure-sample-key-not-in-interface.ts';
import { structureSearchWithoutIterate } from './structure-search-without-iterate.ts';
import { structureSearchWithoutLimit } from './structure-search-without-limit.ts';
import { structureSelectDefaultNotOption } from './structure-select-default-not-option.ts';
import { structureTriggerMissingEpoch } from './structure-trigger-missing-epoch.ts';
import { structureTriggerMissingTrigger } from './structure-trigger-missing-trigger.ts';
import { structureUnknownReference } from './structure-unknown-reference.ts';

/** Every rule, in a stable order (sorted by file name = by id). */
export const ALL_RULES: readonly Rule[] = [
  imlSyntaxError,
  imlTempBeforeSet,
  imlUnavailableVariable,
  imlUndeclaredParameter,
  imlUnknownConnectionData,
  imlUnknownFunction,
  imlUnusedParameter,
  imlWrongArity,
  imlWrongArgumentType,
  imlZeroIndex,
  oauthClientSecretInAuthorize,
  oauthExpiryUnit,
  oauthGrantType,
  oauthMissingExpires,
  oauthMissingInfo,
  oauthMissingInvalidate,
  oauthRefreshMissing,
  oauthRefreshTokenNotStored,
  oauthRefreshWithoutCondition,
  oauthTokenInQuery,
  oauthTokenRedirectMismatch,
  scopeAuthorizeScopeMissing,
  scopeDefaultScopeNotInList,
  scopeMethodScopeMissing,
  scopeModuleScopeNotInList,
  securityCredentialsInCommon,
  securityPlainHttp,
  securityPrototypeKey,
  securitySecretParameterNotPassword,
  securityUniversalUserUrl,
  securityUnsanitizedSecret,
  structureActionReturnsArray,
  structureDuplicateParameterName,
  structureGroupDuplicateModule,
  structureGroupUnknownModule,
  structureInstantTriggerWithoutWebhook,
  structureInvalidComponentId,
  structureLimitNotPositive,
  structureListWithoutPagination,
  structureLogSanitizePath,
  structureMissingDescription,
  structureMissingErrorHandling,
  structureMissingLabel,
  structureModuleNotInGroup,
  structureMultipleUniversalModules,
  structureNotSimulated,
  structureRelativeUrlWithoutBase,
  structureRepeatBounds,
  structureReservedParameterName,
  structureRpcOptionsShape,
  structureRpcTargetMissing,
  structureRpcWithoutUrl,
  structureSampleKeyNotInInterface,
  structureSearchWithoutIterate,
  structureSearchWithoutLimit,
  structureSelectDefaultNotOption,
  structureTriggerMissingEpoch,
  structureTriggerMissingTrigger,
  structureUnknownReference,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((r) => [r.id, r]));
