/**
 * File naming of Make's local-development layout (make-iml.md §1.3): component folders
 * `<kind>s/<kebab(id)>`, code files `<kebab(id)>.<suffix>.<ext>`, general codes without prefix.
 */
import type { ComponentCodeType, ComponentKind, GeneralCodeType } from '../model/index.ts';

export const GENERAL_FILES: Record<GeneralCodeType, string> = {
  base: 'general/base.iml.json',
  common: 'general/common.json',
  readme: 'README.md',
  groups: 'modules/groups.json',
};

const SUFFIX: Record<ComponentCodeType, string> = {
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

export function codeFileExtension(codeType: ComponentCodeType): string {
  if (codeType === 'common') return 'json';
  if (codeType === 'code' || codeType === 'test') return 'js';
  if (codeType === 'context') return 'md';
  return 'iml.json';
}

/** camelCase → kebab-case the way the VS Code extension does it, then made safe as a file name. */
export function kebab(id: string): string {
  const k = id
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '');
  return k || 'component';
}

export function codeFileName(stem: string, codeType: ComponentCodeType, oauth: boolean): string {
  const suffix = codeType === 'communication' && oauth ? 'oauth-communication' : SUFFIX[codeType];
  return `${stem}.${suffix}.${codeFileExtension(codeType)}`;
}

/** Assigns each component a folder, adding a numeric suffix when two ids kebab to the same name. */
export function componentFolders(
  kind: ComponentKind,
  names: readonly string[],
): Map<string, { dir: string; stem: string }> {
  const used = new Set<string>();
  const out = new Map<string, { dir: string; stem: string }>();
  for (const name of names) {
    const base = kebab(name);
    let stem = base;
    for (let n = 2; used.has(stem); n++) stem = `${base}-${n}`;
    used.add(stem);
    out.set(name, { dir: `${kind}s/${stem}`, stem });
  }
  return out;
}
