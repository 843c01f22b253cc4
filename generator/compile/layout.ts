/**
 * File naming of Make's local-development layout (make-iml.md §1.3): component folders
 * `<kind>s/<kebab(id)>`, code files `<kebab(id)>.<suffix>.<ext>`, general codes without prefix.
 */
import {
  CODE_FILE_SUFFIX,
  type ComponentCodeType,
  type ComponentKind,
  codeFileExtension,
  componentFolder,
  type GeneralCodeType,
  OAUTH_COMMUNICATION_SUFFIX,
} from '../model/index.ts';

export const GENERAL_FILES: Record<GeneralCodeType, string> = {
  base: 'general/base.iml.json',
  common: 'general/common.json',
  readme: 'README.md',
  groups: 'modules/groups.json',
};

/** camelCase → kebab-case the way the VS Code extension does it, then made safe as a file name. */
function kebab(id: string): string {
  const k = id
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '');
  return k || 'component';
}

export function codeFileName(stem: string, codeType: ComponentCodeType, oauth: boolean): string {
  const suffix =
    codeType === 'communication' && oauth ? OAUTH_COMMUNICATION_SUFFIX : CODE_FILE_SUFFIX[codeType];
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
    out.set(name, { dir: `${componentFolder(kind)}/${stem}`, stem });
  }
  return out;
}
