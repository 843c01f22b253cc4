import type { Diagnostic } from './diagnostic.ts';
import type { SourceLocation } from './location.ts';

/** Code types of Make's local-development layout (makecomapp.json `codeFiles` keys). */
export const COMPONENT_CODE_TYPES = [
  'attach',
  'code',
  'common',
  'communication',
  'context',
  'defaultScope',
  'detach',
  'epoch',
  'inputParameters',
  'installDirectives',
  'installSpec',
  'interface',
  'mappableParams',
  'outputParameters',
  'params',
  'requiredScope',
  'samples',
  'scope',
  'scopeList',
  'staticParams',
  'test',
  'update',
] as const;
export type ComponentCodeType = (typeof COMPONENT_CODE_TYPES)[number];

/** Code types holding the parameters a user fills in: a module's static and mappable ones, `params` elsewhere. */
export const INPUT_PARAMETER_CODE_TYPES = ['staticParams', 'mappableParams', 'params'] as const;
/** Code types describing the fields a component outputs. */
export const OUTPUT_FIELD_CODE_TYPES = ['interface', 'outputParameters'] as const;
/** Code types holding a list of parameter definitions: inputs, output fields, and specs written the same way. */
export const PARAMETER_LIST_CODE_TYPES = [
  ...INPUT_PARAMETER_CODE_TYPES,
  'installSpec',
  'inputParameters',
  ...OUTPUT_FIELD_CODE_TYPES,
] as const;
/** Code types holding a list of OAuth scopes. */
export const SCOPE_LIST_CODE_TYPES = ['scope', 'defaultScope', 'requiredScope'] as const;
/** A webhook's own requests, one each: registering, removing and updating it at the service. */
export const WEBHOOK_REQUEST_CODE_TYPES = ['attach', 'detach', 'update'] as const;

export function isCodeTypeIn(list: readonly ComponentCodeType[], type: string): type is ComponentCodeType {
  return (list as readonly string[]).includes(type);
}

/** App-level ("general") code types. */
export const GENERAL_CODE_TYPES = ['base', 'common', 'readme', 'groups'] as const;
export type GeneralCodeType = (typeof GENERAL_CODE_TYPES)[number];

export type CodeType = ComponentCodeType | GeneralCodeType;

export const COMPONENT_KINDS = ['connection', 'webhook', 'module', 'rpc', 'function'] as const;
export type ComponentKind = (typeof COMPONENT_KINDS)[number];

export const MODULE_TYPES = [
  'trigger',
  'action',
  'search',
  'instant_trigger',
  'responder',
  'universal',
] as const;
export type ModuleType = (typeof MODULE_TYPES)[number];

export type ConnectionType = 'basic' | 'oauth';
export type WebhookType = 'web' | 'web-shared';
export type ActionCrud = 'create' | 'read' | 'update' | 'delete' | null;

/**
 * One parsed code document (a `*.iml.json` file, a README, a function's JS, or a section of a
 * single-file bundle). `value` is the parsed JSON (JSONC accepted); `undefined` when it failed to
 * parse, in which case the loader already reported a diagnostic.
 */
export interface CodeFile {
  codeType: CodeType;
  /** Path relative to the app root, forward slashes. For a bundle: the bundle file's path. */
  file: string;
  /** JSON pointer of this section inside `file` ('' when the section is the whole file). */
  basePointer: string;
  /** Raw text of `file` (for inline disable comments and carets). */
  text: string;
  value: unknown;
  /**
   * Location of the value (or, with `key`, of its property name) at `pointer`, relative to this
   * section's value (so '' is the section itself). Falls back to the nearest existing ancestor.
   * `offsetInString` moves into a string value by that many decoded characters (for IML carets).
   */
  locate(pointer: string, opts?: { key?: boolean; offsetInString?: number }): SourceLocation;
}

export interface Component {
  kind: ComponentKind;
  name: string;
  label?: string;
  description?: string;
  moduleType?: ModuleType;
  connectionType?: ConnectionType;
  webhookType?: WebhookType;
  actionCrud?: ActionCrud;
  connection?: string | null;
  altConnection?: string | null;
  webhook?: string | null;
  /** Any other metadata the source carried (kept so import/emit lose nothing). */
  extra?: Record<string, unknown>;
  codes: Partial<Record<ComponentCodeType, CodeFile>>;
  /** Where the component is declared (its makecomapp.json entry, metadata file or bundle key). */
  declaredAt?: SourceLocation;
  /**
   * The layout has no place for this component's label, description or module type (flat
   * `module.x.api.imljson` files, a folder without metadata): they are set in Make's UI.
   */
  metadataOutside?: boolean;
}

/** Component fields that name another component (makecomapp.json keys of the same name). */
export const COMPONENT_REFERENCE_FIELDS = ['connection', 'altConnection', 'webhook'] as const;
/** Component metadata the model has a field for (makecomapp.json component keys); the rest is `extra`. */
export const COMPONENT_META_FIELDS = [
  'label',
  'description',
  'connectionType',
  'webhookType',
  'moduleType',
  'actionCrud',
  ...COMPONENT_REFERENCE_FIELDS,
] as const satisfies readonly (keyof Component)[];

/** The code types Make reads for each component kind. */
export const CODE_TYPES_BY_KIND: Record<ComponentKind, readonly ComponentCodeType[]> = {
  connection: [
    'communication',
    'params',
    'common',
    'scopeList',
    'defaultScope',
    'installSpec',
    'installDirectives',
  ],
  webhook: ['communication', 'params', 'attach', 'detach', 'update', 'requiredScope'],
  module: ['communication', 'epoch', 'staticParams', 'mappableParams', 'interface', 'samples', 'scope'],
  rpc: ['communication', 'params'],
  function: ['code', 'test'],
};

/** Code types holding requests, whose strings are IML evaluated at run time. */
export const REQUEST_CODE_TYPES = ['communication', 'epoch', ...WEBHOOK_REQUEST_CODE_TYPES] as const;

export type AppLayout = 'local-dev' | 'imljson-export' | 'bundle' | 'loose';

export interface AppInfo {
  name?: string;
  label?: string;
  version?: number;
  description?: string;
  theme?: string;
  language?: string;
  audience?: string;
  [key: string]: unknown;
}

/** The app model: what loaders and the compiler produce, and every other stage consumes. */
export interface AppModel {
  /** Absolute path of the app root folder (for a bundle: the folder holding it). */
  root: string;
  layout: AppLayout;
  info: AppInfo;
  general: Partial<Record<GeneralCodeType, CodeFile>>;
  components: Record<ComponentKind, Record<string, Component>>;
  /** Problems met while loading (unreadable files, JSON syntax, paths leaving the app...). */
  diagnostics: Diagnostic[];
}

/** The folder of a kind's components in Make's local-development layout (`modules`), also the first part of their ids. */
export function componentFolder(kind: ComponentKind): string {
  return `${kind}s`;
}

/** `modules.listMovies` style id used in diagnostics, recorder entries and diffs. */
export function componentId(c: Pick<Component, 'kind' | 'name'>): string {
  return `${componentFolder(c.kind)}.${c.name}`;
}

export function emptyComponents(): Record<ComponentKind, Record<string, Component>> {
  return { connection: {}, webhook: {}, module: {}, rpc: {}, function: {} };
}
