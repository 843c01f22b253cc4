/**
 * How code types are named in Make's local-development layout (make-iml.md §1.3): code files
 * `<kebab(id)>.<suffix>.<ext>`. The compiler writes these names; the loader reads them back.
 */
import type { ComponentCodeType } from './app.ts';

export const CODE_FILE_SUFFIX: Record<ComponentCodeType, string> = {
  attach: 'attach',
  code: 'code',
  common: 'common',
  communication: 'communication',
  context: 'context',
  defaultScope: 'default-scope',
  detach: 'detach',
  epoch: 'epoch',
  inputParameters: 'input',
  installDirectives: 'install-directives',
  installSpec: 'install-spec',
  interface: 'interface',
  mappableParams: 'mappable-params',
  outputParameters: 'output',
  params: 'params',
  requiredScope: 'required-scope',
  samples: 'samples',
  scope: 'scope',
  scopeList: 'scope-list',
  staticParams: 'static-params',
  test: 'test',
  update: 'update',
};

/** An OAuth connection's communication file uses this suffix instead of `communication`. */
export const OAUTH_COMMUNICATION_SUFFIX = 'oauth-communication';

export function codeFileExtension(codeType: ComponentCodeType): string {
  if (codeType === 'common') return 'json';
  if (codeType === 'code' || codeType === 'test') return 'js';
  if (codeType === 'context') return 'md';
  return 'iml.json';
}
