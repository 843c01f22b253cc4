import type { AppModel, CodeFile, Component, ComponentCodeType, GeneralCodeType } from '../model/app.ts';
import {
  COMPONENT_META_FIELDS,
  COMPONENT_REFERENCE_FIELDS,
  componentId,
  isCodeTypeIn,
  PARAMETER_LIST_CODE_TYPES,
  SCOPE_LIST_CODE_TYPES,
  WEBHOOK_REQUEST_CODE_TYPES,
} from '../model/app.ts';
import { epochRequest, isOAuth2Section, isObject, OAUTH2_SECTIONS } from '../model/index.ts';
import { escapePointerSegment } from '../model/location.ts';
import { normalizeParams, normalizeScopeList } from './normalize-params.ts';
import { normalizeRequest } from './normalize-request.ts';
import { setKey } from './own-key.ts';
import { type NormalSection, Tracker } from './tracked.ts';

/** A component with every section normalised, ready to compare section by section. */
export interface NormalComponent {
  id: string;
  kind: string;
  name: string;
  sections: Record<string, NormalSection>;
}

export function baseUrlOf(app: AppModel): string | undefined {
  const base = app.general.base?.value;
  return isObject(base) && typeof base.baseUrl === 'string' ? base.baseUrl : undefined;
}

/**
 * Normalises one component. `rename` maps the student's names of other components to the
 * reference's (so `rpc://listGenresRpc` compares equal to `rpc://listGenres` once matched).
 */
export function normalizeComponent(
  app: AppModel,
  c: Component,
  rename: (s: string) => string = (s) => s,
  renameComponent: (kind: string, name: string) => string = (_k, n) => n,
): NormalComponent {
  const baseUrl = baseUrlOf(app);
  const sections: Record<string, NormalSection> = {};
  const fallback = c.declaredAt;

  const meta: Record<string, unknown> = {};
  const references: readonly string[] = COMPONENT_REFERENCE_FIELDS;
  for (const k of COMPONENT_META_FIELDS) if (!references.includes(k) && c[k] !== undefined) meta[k] = c[k];
  if (c.kind === 'module' && meta.actionCrud === undefined) meta.actionCrud = null;
  // references compare by the reference app's names (a renamed connection is the same connection)
  for (const k of COMPONENT_REFERENCE_FIELDS) {
    const named = c[k];
    if (named) meta[k] = renameComponent(k === 'webhook' ? 'webhook' : 'connection', named);
  }
  sections.meta = { value: meta, origins: new Map(), fallback };

  for (const [type, code] of Object.entries(c.codes) as [ComponentCodeType, CodeFile][]) {
    if (!code || code.value === undefined) continue;
    const t = new Tracker(rename);
    const v = code.value;
    let value: unknown;
    if (type === 'communication') value = normalizeCommunication(c, v, code, t, baseUrl);
    else if (type === 'epoch') value = normalizeEpoch(c, v, code, t, baseUrl);
    else if (isCodeTypeIn(WEBHOOK_REQUEST_CODE_TYPES, type))
      value = normalizeRequest(v, code, [], [], t, { baseUrl, hasOutput: false });
    else if (isCodeTypeIn(PARAMETER_LIST_CODE_TYPES, type)) value = normalizeParams(v, code, [], [], t);
    else if (isCodeTypeIn(SCOPE_LIST_CODE_TYPES, type)) value = normalizeScopeList(v, code, [], [], t);
    else if (typeof v === 'string') value = v.trim().replace(/\r\n/g, '\n');
    else value = t.copy(v, code, [], []);
    sections[type] = {
      value,
      origins: t.origins,
      fallback,
      ...(isEmptyDefault(value) ? { empty: true } : {}),
    };
  }
  return { id: componentId(c), kind: c.kind, name: c.name, sections };
}

function normalizeCommunication(
  c: Component,
  v: unknown,
  code: CodeFile,
  t: Tracker,
  baseUrl: string | undefined,
): unknown {
  if (c.kind === 'connection' && isObject(v) && OAUTH2_SECTIONS.some((s) => s in v)) {
    t.mark([], code, '');
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      setKey(
        out,
        k,
        isOAuth2Section(k)
          ? normalizeRequest(v[k], code, [k], [k], t, { hasOutput: false })
          : t.copy(v[k], code, [k], [k]),
      );
    }
    return out;
  }
  if (c.kind === 'webhook') return t.copy(v, code, [], []);
  const isModuleLike = c.kind === 'module' || c.kind === 'rpc';
  const ctx = { baseUrl: isModuleLike ? baseUrl : undefined, hasOutput: isModuleLike };
  // One request and an array of one request are the same communication.
  if (Array.isArray(v)) {
    t.mark([], code, '');
    return v.map((r, i) => normalizeRequest(r, code, [i], [i], t, ctx));
  }
  return [normalizeRequest(v, code, [], [0], t, ctx)];
}

/**
 * The epoch section overrides the trigger's request (§7.4): an epoch that leaves out `url` calls
 * the trigger's URL. The request is merged the way the simulator sends it before comparing, so
 * writing the inherited parts out is the same.
 */
function normalizeEpoch(
  c: Component,
  v: unknown,
  code: CodeFile,
  t: Tracker,
  baseUrl: string | undefined,
): unknown {
  const comm = c.codes.communication;
  const epoch = comm ? epochRequest(comm.value, v) : undefined;
  if (!comm || !epoch) return normalizeRequest(v, code, [], [], t, { baseUrl, hasOutput: true });
  const out = normalizeRequest(epoch.request, code, [], [], t, { baseUrl, hasOutput: true });
  // inherited parts are located in the trigger's communication file
  const prefix = epoch.index === undefined ? '' : `/${epoch.index}`;
  for (const path of epoch.inherited) {
    const at = `/${path.map(escapePointerSegment).join('/')}`;
    for (const key of [...t.origins.keys()]) if (key.startsWith(`${at}/`)) t.origins.delete(key);
    t.mark(path, comm, `${prefix}${at}`);
  }
  return out;
}

/** `{}` and `[]` are what Make's editor writes for an unused section: same as absent. */
function isEmptyDefault(v: unknown): boolean {
  if (Array.isArray(v)) return v.length === 0;
  if (isObject(v)) {
    if ('fields' in v && 'order' in v && Array.isArray(v.order)) return v.order.length === 0;
    return Object.keys(v).length === 0;
  }
  return v === '' || v === null;
}

/** The app's general codes (base, common, groups, readme) as one pseudo-component each. */
export function normalizeGeneral(
  app: AppModel,
  type: GeneralCodeType,
  rename: (s: string) => string,
): NormalComponent | undefined {
  const code = app.general[type];
  if (!code || code.value === undefined) return undefined;
  const t = new Tracker(rename);
  let value: unknown;
  if (type === 'base') {
    value = t.copy(code.value, code, [], []);
    if (isObject(value)) {
      if (isObject(value.headers)) {
        value.headers = Object.fromEntries(
          Object.entries(value.headers).map(([k, h]) => [k.toLowerCase(), h]),
        );
        for (const k of Object.keys((code.value as Record<string, Record<string, unknown>>).headers ?? {})) {
          t.mark(['headers', k.toLowerCase()], code, `/headers/${escapePointerSegment(k)}`);
        }
      }
      if (typeof value.baseUrl === 'string') value.baseUrl = value.baseUrl.replace(/\/+$/, '');
      const log = value.log;
      if (isObject(log) && Array.isArray(log.sanitize)) {
        log.sanitize = [...new Set(log.sanitize.map((s) => String(s).toLowerCase()))].sort();
      }
    }
  } else if (typeof code.value === 'string') value = code.value.trim().replace(/\r\n/g, '\n');
  else value = t.copy(code.value, code, [], []);
  if (isEmptyDefault(value)) return undefined;
  return { id: type, kind: 'general', name: type, sections: { [type]: { value, origins: t.origins } } };
}
