import type { ActionCrud, Component, ComponentKind, ConnectionType, WebhookType } from '../model/app.ts';
import { AUTHORIZATION_SECTIONS, COMPONENT_META_FIELDS, COMPONENT_REFERENCE_FIELDS } from '../model/index.ts';
import { toModuleType } from './code-types.ts';

/** Sections only an OAuth communication has (`info`, `refresh`, `invalidate` can stand in others). */
const OAUTH_SIGNATURE_SECTIONS: ReadonlySet<string> = new Set(AUTHORIZATION_SECTIONS);

import { safeAssign } from './component-registry.ts';

/** Metadata keys the model has a field for; anything else goes to `extra`. */
const KNOWN = new Set<string>([...COMPONENT_META_FIELDS, 'moduleSubtype', 'codeFiles', 'name']);

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const ref = (v: unknown): string | null | undefined => (typeof v === 'string' || v === null ? v : undefined);

/** Connection subtypes of Make's older editor (`oauth-refresh`, `apikey`...) → model type. */
function toConnectionType(value: unknown): ConnectionType | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.toLowerCase();
  if (v.startsWith('oauth')) return 'oauth';
  if (['basic', 'apikey', 'api-key', 'other', 'digest', 'jwt'].includes(v)) return 'basic';
  return undefined;
}

function toWebhookType(value: unknown): WebhookType | undefined {
  return value === 'web' || value === 'web-shared' ? value : undefined;
}

function toActionCrud(value: unknown): ActionCrud | undefined {
  return value === null || value === 'create' || value === 'read' || value === 'update' || value === 'delete'
    ? value
    : undefined;
}

/**
 * Builds a Component (without codes) from metadata in any layout's vocabulary: local-dev
 * (`moduleType`, `connectionType`), older export (`type`, `typeId`). Unknown keys are kept in `extra`.
 */
export function componentFromMeta(
  kind: ComponentKind,
  name: string,
  meta: Record<string, unknown>,
): Component {
  const c: Component = { kind, name, codes: {} };
  const label = str(meta.label);
  if (label !== undefined) c.label = label;
  const description = str(meta.description);
  if (description !== undefined) c.description = description;
  const extra: Record<string, unknown> = {};
  let unknownKeys = false;
  for (const k in meta) {
    if (!Object.hasOwn(meta, k) || KNOWN.has(k)) continue;
    unknownKeys = true;
    break;
  }
  // (most entries have only known keys: no copy then)
  if (unknownKeys) safeAssign(extra, Object.fromEntries(Object.entries(meta).filter(([k]) => !KNOWN.has(k))));

  if (kind === 'module') {
    const mt = toModuleType(meta.moduleType ?? meta.moduleSubtype ?? meta.typeId ?? meta.type);
    if (mt) c.moduleType = mt;
    if ('type' in meta && mt) delete extra.type;
    if ('typeId' in meta && mt) delete extra.typeId;
    const crud = toActionCrud(meta.actionCrud ?? meta.crud);
    if (crud !== undefined) c.actionCrud = crud;
  }
  if (kind === 'connection') {
    const raw = meta.connectionType ?? meta.type;
    const ct = toConnectionType(raw);
    if (ct) c.connectionType = ct;
    if (typeof raw === 'string' && raw !== ct) extra.connectionSubtype = raw;
    delete extra.type;
  }
  if (kind === 'webhook') {
    const wt = toWebhookType(meta.webhookType ?? meta.type);
    if (wt) {
      c.webhookType = wt;
      delete extra.type;
    }
  }
  for (const k of COMPONENT_REFERENCE_FIELDS) {
    const v = ref(meta[k]);
    if (v !== undefined) c[k] = v;
  }
  if (Object.keys(extra).length > 0) c.extra = extra;
  return c;
}

/** Guess of a connection's type from its communication when no metadata says it. */
export function inferConnectionType(communication: unknown): ConnectionType {
  if (communication && typeof communication === 'object' && !Array.isArray(communication)) {
    const keys = Object.keys(communication);
    if (!keys.includes('url') && keys.some((k) => OAUTH_SIGNATURE_SECTIONS.has(k))) {
      return 'oauth';
    }
  }
  return 'basic';
}
