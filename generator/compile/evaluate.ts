/**
 * Turns an app definition (what app-src/ exports) into the single-file bundle: builders are called
 * with reference proxies, references become `{{...}}` strings, secrets become placeholders (or real
 * values when asked). Records, per code, which TypeScript definition produced it for source mapping.
 */

import { InputError } from '../model/errors.ts';
import type { AppBundle, BundleComponent, ComponentCodeType, ComponentKind } from '../model/index.ts';
import { COMPONENT_KINDS, setOwn, toPointer } from '../model/index.ts';
import type { AppDefinition } from './authoring/app.ts';
import { createVars } from './authoring/context.ts';
import { type Definition, SECTION_CODE_TYPES } from './authoring/definition.ts';
import { isExpr, toJsonValue } from './authoring/iml.ts';
import type { DefinitionOrigin } from './authoring/origin.ts';
import { type SecretMode, secretLeaf } from './secrets.ts';

/** Which definition and authoring key produced a code (for mapping diagnostics to TypeScript). */
export interface CodeOrigin {
  origin?: DefinitionOrigin;
  /** Authoring property holding the section, e.g. `communication`, `mappableParameters`. */
  key?: string;
}

export interface EvaluatedApp {
  bundle: AppBundle;
  /** `<kind>/<name>/<codeType>` or `general/<codeType>` → where it came from. */
  origins: Map<string, CodeOrigin>;
}

/** Key of a component's own `define*` call (for findings about its metadata). */
export function componentOriginKey(kind: ComponentKind, name: string): string {
  return `${kind}/${name}`;
}

export function codeOriginKey(kind: ComponentKind | 'general', name: string, codeType: string): string {
  return kind === 'general' ? `general/${codeType}` : `${kind}/${name}/${codeType}`;
}

/** Where a section is being evaluated, for error messages. */
interface Where {
  what: string;
  origin?: DefinitionOrigin;
}

function evaluateSection(value: unknown, mode: SecretMode, root: string, where: Where): unknown {
  let built: unknown;
  if (typeof value === 'function') {
    try {
      built = (value as (vars: unknown) => unknown)(createVars());
    } catch (e) {
      throw new InputError(
        `${where.what}: the builder threw: ${(e as Error)?.message ?? String(e)}`,
        where.origin,
      );
    }
  } else built = value;
  const leaf = secretLeaf(mode, root);
  return toJson(built, leaf, where, [], new Set());
}

/**
 * References → `{{...}}`, secrets → values, `undefined` members dropped; anything JSON cannot
 * hold faithfully (functions, dates, class instances, NaN, cycles) is an error naming its path.
 */
function toJson(
  value: unknown,
  leaf: (v: unknown) => unknown,
  where: Where,
  path: (string | number)[],
  seen: Set<object>,
): unknown {
  if (isExpr(value)) return toJsonValue(value);
  const replaced = leaf(value);
  if (!Object.is(replaced, value)) return replaced;
  const fail = (why: string): never => {
    throw new InputError(`${where.what} at ${toPointer(path) || '/'}: ${why}`, where.origin);
  };
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : fail(`${value} is not a JSON number`);
    case 'undefined':
      return undefined;
    case 'object':
      break;
    default:
      return fail(`a ${typeof value} cannot be written to JSON (a builder must return data, not code)`);
  }
  if (value === null) return null;
  if (seen.has(value)) fail('the value contains itself (a cycle)');
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((v, i) => toJson(v, leaf, where, [...path, i], seen) ?? null);
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      fail(
        `a ${value.constructor?.name ?? 'class instance'} cannot be written to JSON; use plain objects and strings (dates as ISO text)`,
      );
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const j = toJson(v, leaf, where, [...path, k], seen);
      if (j !== undefined) setOwn(out, k, j);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

const KINDS_IN_APP: Record<ComponentKind, keyof AppDefinition> = {
  connection: 'connections',
  webhook: 'webhooks',
  module: 'modules',
  rpc: 'rpcs',
  function: 'functions',
};

export function evaluateApp(
  app: AppDefinition,
  opts: { secrets?: SecretMode; projectRoot: string },
): EvaluatedApp {
  const mode = opts.secrets ?? 'placeholder';
  const origins = new Map<string, CodeOrigin>();
  const general: AppBundle['general'] = {};
  if (app.base) {
    general.base = evaluateSection(app.base.communication, mode, opts.projectRoot, {
      what: 'base',
      origin: app.base.origin,
    });
    origins.set(codeOriginKey('general', '', 'base'), { origin: app.base.origin, key: 'communication' });
  }
  if (app.common !== undefined) {
    general.common = evaluateSection(app.common, mode, opts.projectRoot, {
      what: 'app common data',
      origin: app.origin,
    });
    origins.set(codeOriginKey('general', '', 'common'), { origin: app.origin, key: 'common' });
  }
  if (app.readme !== undefined) general.readme = app.readme;
  if (app.groups !== undefined) {
    general.groups = app.groups.map((g) => ({
      label: g.label,
      modules: g.modules.map((m) => (typeof m === 'string' ? m : m.name)),
    }));
    origins.set(codeOriginKey('general', '', 'groups'), { origin: app.origin, key: 'groups' });
  }
  for (const [type, value] of Object.entries(app.generalCodes ?? {})) {
    if (value === undefined) continue;
    general[type as keyof typeof general] = evaluateSection(value, mode, opts.projectRoot, {
      what: `general ${type}`,
      origin: app.origin,
    });
    origins.set(codeOriginKey('general', '', type), { origin: app.origin, key: `generalCodes.${type}` });
  }

  const components: AppBundle['components'] = {
    connection: {},
    webhook: {},
    module: {},
    rpc: {},
    function: {},
  };
  for (const kind of COMPONENT_KINDS) {
    const list = (app[KINDS_IN_APP[kind]] ?? []) as readonly Definition[];
    const names = new Set<string>();
    for (const def of [...list].sort((a, b) => compareNames(a.name, b.name))) {
      if (def.kind !== kind) {
        throw new InputError(
          `${def.name} is a ${def.kind} but is listed under ${KINDS_IN_APP[kind]}`,
          def.origin,
        );
      }
      if (names.has(def.name)) throw new InputError(`two ${kind}s are named "${def.name}"`, def.origin);
      names.add(def.name);
      components[kind][def.name] = evaluateComponent(def, mode, opts.projectRoot, origins);
      origins.set(componentOriginKey(kind, def.name), { origin: def.origin });
    }
  }
  const { name, label, version, description, theme, language, audience } = app;
  const info = Object.fromEntries(
    Object.entries({ name, label, version, description, theme, language, audience }).filter(
      ([, v]) => v !== undefined,
    ),
  );
  return { bundle: { bundleVersion: 1, app: info, general, components }, origins };
}

function evaluateComponent(
  def: Definition,
  mode: SecretMode,
  root: string,
  origins: Map<string, CodeOrigin>,
): BundleComponent {
  const codes: Partial<Record<ComponentCodeType, unknown>> = {};
  const table = SECTION_CODE_TYPES[def.kind];
  for (const [key, value] of Object.entries(def.sections)) {
    const codeType = table[key];
    if (!codeType)
      throw new InputError(`${def.kind} "${def.name}" has an unknown section "${key}"`, def.origin);
    codes[codeType] = evaluateSection(value, mode, root, {
      what: `${def.kind} "${def.name}" ${key}`,
      origin: def.origin,
    });
    origins.set(codeOriginKey(def.kind, def.name, codeType), { origin: def.origin, key });
  }
  for (const [codeType, value] of Object.entries(def.codes ?? {})) {
    codes[codeType as ComponentCodeType] = evaluateSection(value, mode, root, {
      what: `${def.kind} "${def.name}" ${codeType}`,
      origin: def.origin,
    });
    origins.set(codeOriginKey(def.kind, def.name, codeType), {
      origin: def.origin,
      key: `codes.${codeType}`,
    });
  }
  return { ...def.meta, codes } as BundleComponent;
}

/** Locale-independent order, so output is the same on every machine. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
