import type { CodeFile, Component } from '../../model/index.ts';
import {
  isObject,
  OAUTH1_SECTIONS,
  OAUTH2_SECTIONS,
  sectionRunOrder,
  toPointer,
  WEBHOOK_REQUEST_CODE_TYPES,
} from '../../model/index.ts';

/** Where one request specification lives and what it asks for (literal values only). */
export interface RequestInfo {
  component?: Component;
  /** `modules.x`, `connections.y`, `base`. */
  componentId: string;
  code: CodeFile;
  /** OAuth section (`authorize`, `token`...) or webhook section name (`attach`, `detach`, `update`, `epoch`). */
  section?: string;
  index: number;
  /** Pointer of the request object inside the code document's value. */
  pointer: string;
  value: Record<string, unknown>;
  /** Execution order inside the component (for `temp` read-before-set). */
  seq: number;
  /** Upper-case method when literal; `GET` when absent; undefined when it is IML. */
  method?: string;
  /** The url string (may contain IML); undefined when absent (request-less). */
  url?: string;
  /** Request headers, query and body as written (IML left unevaluated). */
  headers?: unknown;
  qs?: unknown;
  body?: unknown;
  /** True when the request inherits base (modules, RPCs, webhook attach/detach/update). */
  inheritsBase: boolean;
}

/** True when a connection's communication is the OAuth object of named sections. */
export function isOAuthCommunication(c: Component | undefined, value: unknown): boolean {
  if (!isObject(value)) return false;
  if (c?.connectionType === 'oauth') return true;
  return [...OAUTH2_SECTIONS, ...OAUTH1_SECTIONS].some((s) => s in value) && !('url' in value);
}

/** Every request specification of one code document. */
export function requestsOf(
  component: Component | undefined,
  componentId: string,
  code: CodeFile,
  section?: string,
): RequestInfo[] {
  const out: RequestInfo[] = [];
  const value = code.value;
  const at: Holder = { component, componentId, code, out };
  if (
    component?.kind === 'connection' &&
    code.codeType === 'communication' &&
    isOAuthCommunication(component, value)
  ) {
    for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
      const order = sectionRunOrder(name);
      if (order !== undefined) pushList(at, v, [name], name, order * 100);
    }
    return out;
  }
  if (component?.kind === 'webhook' && code.codeType === 'communication') {
    // a webhook spec, not requests; some layouts nest attach/detach/update inside it
    if (isObject(value))
      for (const name of WEBHOOK_REQUEST_CODE_TYPES)
        if (isObject(value[name])) pushList(at, value[name], [name], name, SECTION_SEQ[name] ?? 0);
    return out;
  }
  if (
    component?.kind === 'module' &&
    component.moduleType === 'responder' &&
    code.codeType === 'communication'
  )
    return out;
  pushList(at, value, [], section, SECTION_SEQ[section ?? ''] ?? 0);
  return out;
}

/** The document requests are collected from (module-level helpers: no closures per document). */
interface Holder {
  component: Component | undefined;
  componentId: string;
  code: CodeFile;
  out: RequestInfo[];
}

function push(
  at: Holder,
  v: unknown,
  segs: (string | number)[],
  index: number,
  sec: string | undefined,
  seq: number,
): void {
  if (!isObject(v)) return;
  const { component } = at;
  at.out.push({
    component,
    componentId: at.componentId,
    code: at.code,
    section: sec,
    index,
    pointer: toPointer(segs),
    value: v,
    seq,
    method: methodOf(v.method),
    url: typeof v.url === 'string' ? v.url : undefined,
    headers: v.headers,
    qs: v.qs,
    body: v.body,
    inheritsBase:
      component !== undefined &&
      (component.kind === 'module' ||
        component.kind === 'rpc' ||
        (component.kind === 'webhook' && sec !== undefined)),
  });
}

function pushList(
  at: Holder,
  v: unknown,
  segs: (string | number)[],
  sec: string | undefined,
  base: number,
): void {
  if (!Array.isArray(v)) push(at, v, segs, 0, sec, base);
  else for (let i = 0; i < v.length; i++) push(at, v[i], [...segs, i], i, sec, base + i);
}

function methodOf(m: unknown): string | undefined {
  if (m === undefined || m === null) return 'GET';
  if (typeof m !== 'string') return undefined;
  if (m.includes('{{')) return undefined;
  return m.toUpperCase();
}

/** Separate calls of one component get separate sequence ranges (epoch after the trigger's own requests). */
const SECTION_SEQ: Record<string, number> = { epoch: 1000, attach: 0, detach: 2000, update: 3000 };
