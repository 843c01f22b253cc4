import {
  analyzeExpression,
  analyzeTemplate,
  analyzeValue,
  hasIml,
  type ValueAnalysis,
} from '../../iml/index.ts';
import { bareExpressionsIn } from '../../model/bare-iml.ts';
import type { AppModel, CodeFile, Component } from '../../model/index.ts';
import { COMPONENT_KINDS, componentId, isObject, REQUEST_CODE_TYPES, toPointer } from '../../model/index.ts';
import { memoByValue } from '../memo-by-value.ts';
import { collectParameters, type DeclaredParameters, parameterCodes } from './parameters.ts';
import { placeCode } from './placed-code.ts';
import { type RequestInfo, requestsOf } from './requests.ts';
import { type ConnectionStore, connectionStore, type TempSets, tempSets } from './stores.ts';
import { type ImlString, placeStrings } from './strings.ts';

export type { DeclaredParameters, ParameterInfo } from './parameters.ts';
export type { RequestInfo } from './requests.ts';
export { isOAuthCommunication } from './requests.ts';
export { GLOBAL_VARIABLES, type Phase, VARIABLE_HOME } from './scope-table.ts';
export type { ConnectionStore, TempSets } from './stores.ts';
export { tempSetBefore } from './stores.ts';
export type { ImlString } from './strings.ts';

export interface ComponentFacts {
  component: Component;
  id: string;
  requests: RequestInfo[];
  strings: ImlString[];
  parameters: DeclaredParameters;
  /** Output fields a module declares in its interface (undefined without an interface). */
  outputs?: DeclaredParameters;
  /** Connections the component may run with (its connection and alt connection). */
  connections: Component[];
  temp: TempSets;
}

/** Everything rules ask about an app, computed once. */
export interface Analysis {
  app: AppModel;
  components: ComponentFacts[];
  /** Facts per component id (`modules.x`). */
  byId: Map<string, ComponentFacts>;
  baseRequests: RequestInfo[];
  baseStrings: ImlString[];
  baseTemp: TempSets;
  strings: ImlString[];
  requests: RequestInfo[];
  customFunctions: Set<string>;
  connectionStores: Map<string, ConnectionStore>;
  /** Every literal absolute URL (base URLs included), for profile detection and http:// checks. */
  urls: string[];
  /** `components` of a kind, by name. */
  component(kind: Component['kind'], name: string | null | undefined): Component | undefined;
  /** Facts of a component. */
  facts(c: Component): ComponentFacts | undefined;
  /** The analysed IML string at a pointer of a code document, if that string holds IML. */
  stringAt(code: CodeFile, pointer: string): ImlString | undefined;
  /** Root-relative variable paths read by the IML string at that pointer (empty when none). */
  readsAt(code: CodeFile, pointer: string): string[][];
}

function allComponents(app: AppModel): Component[] {
  const out: Component[] = [];
  for (const kind of COMPONENT_KINDS)
    for (const c of Object.values(app.components[kind] ?? {})) if (c) out.push(c);
  return out;
}

export function analyzeApp(app: AppModel): Analysis {
  const base = baseFacts(app);
  const component = (kind: Component['kind'], name: string | null | undefined) =>
    name ? app.components[kind]?.[name] : undefined;

  const components: ComponentFacts[] = [];
  const byId = new Map<string, ComponentFacts>();
  for (const c of allComponents(app)) {
    const facts = componentFacts(c, base, component);
    components.push(facts);
    byId.set(facts.id, facts);
  }

  const connectionStores = new Map<string, ConnectionStore>();
  for (const f of components)
    if (f.component.kind === 'connection')
      connectionStores.set(f.component.name, connectionStore(f.component, f.requests));

  // (plain loops: flatMap over thousands of components is several times slower)
  const strings = [...base.strings];
  const requests = [...base.requests];
  for (const f of components) {
    for (const x of f.strings) strings.push(x);
    for (const x of f.requests) requests.push(x);
  }
  const stringAt = stringIndex(strings);
  return {
    stringAt,
    readsAt: (code, pointer) => stringAt(code, pointer)?.analysis.variables.map((v) => v.path) ?? [],
    app,
    components,
    byId,
    baseRequests: base.requests,
    baseStrings: base.strings,
    baseTemp: base.temp,
    strings,
    requests,
    customFunctions: new Set(Object.keys(app.components.function ?? {})),
    connectionStores,
    urls: absoluteUrls(requests),
    component,
    facts: (c) => byId.get(componentId(c)),
  };
}

/** What the base contributes: its requests and strings, whether it paginates, its temp sets. */
interface BaseFacts {
  requests: RequestInfo[];
  strings: ImlString[];
  paginated: boolean;
  temp: TempSets;
}

function baseFacts(app: AppModel): BaseFacts {
  const base = app.general.base;
  const requests = base && base.value !== undefined ? requestsOf(undefined, 'base', base) : [];
  return {
    requests,
    strings: base ? analyseCode(undefined, 'base', base, requests, false) : [],
    paginated: requests.some((r) => 'pagination' in r.value),
    temp: tempSets(requests),
  };
}

type FindComponent = (kind: Component['kind'], name: string | null | undefined) => Component | undefined;

/** One component's requests, IML strings, parameters, connections and temp sets. */
function componentFacts(c: Component, base: BaseFacts, component: FindComponent): ComponentFacts {
  const id = componentId(c);
  const requests: RequestInfo[] = [];
  const strings: ImlString[] = [];
  const inheritsBase = c.kind === 'module' || c.kind === 'rpc';
  for (const t of REQUEST_CODE_TYPES) {
    const code = c.codes[t];
    if (!code || code.value === undefined) continue;
    // (the epoch inherits from the communication's requests, found before it)
    const inherited = t === 'epoch' ? epochInherits(requests) : undefined;
    const section = t === 'communication' ? undefined : t;
    const placed = placeCode(c, id, code, section, inheritsBase && base.paginated, inherited, analysesOf);
    requests.push(...placed.requests);
    strings.push(...placed.strings);
  }
  return {
    component: c,
    id,
    requests,
    strings,
    parameters: collectParameters(parameterCodes(c)),
    outputs: c.codes.interface ? collectParameters([c.codes.interface]) : undefined,
    connections: connectionsOf(c, component),
    temp: componentTemp(c, requests, base.temp),
  };
}

/** The epoch runs after the trigger's own communication and sees whether it iterates or paginates. */
function epochInherits(requests: RequestInfo[]): { iterate: boolean; pagination: boolean } {
  return {
    iterate: requests.some(
      (r) =>
        r.code.codeType === 'communication' && isObject(r.value.response) && 'iterate' in r.value.response,
    ),
    pagination: requests.some((r) => r.code.codeType === 'communication' && 'pagination' in r.value),
  };
}

/** The component's connections; an instant trigger without one uses its webhook's. */
function connectionsOf(c: Component, component: FindComponent): Component[] {
  const connections = [
    component('connection', c.connection),
    component('connection', c.altConnection),
  ].filter((x): x is Component => x !== undefined);
  if (c.kind === 'module' && c.moduleType === 'instant_trigger' && connections.length === 0) {
    const wh = component('webhook', c.webhook);
    const whConn = component('connection', wh?.connection);
    if (whConn) connections.push(whConn);
  }
  return connections;
}

function componentTemp(c: Component, requests: RequestInfo[], baseTemp: TempSets): TempSets {
  if (c.kind === 'module' || c.kind === 'rpc') {
    const commRequests = requests.filter((r) => r.code.codeType === 'communication');
    const temp = tempSets(commRequests, baseTemp, true);
    const epoch = requests.filter((r) => r.section === 'epoch');
    // epoch requests already run after the trigger's own (sequence numbers from 1000 on)
    return epoch.length ? tempSets(epoch, temp) : temp;
  }
  // webhook: attach/detach/update are separate calls; each sees only its own sets (seq per section)
  return tempSets(requests);
}

/** Absolute URLs and base URLs the app calls (for API profile detection). */
function absoluteUrls(requests: RequestInfo[]): string[] {
  const urls: string[] = [];
  for (const r of requests) {
    if (r.url && /^[a-z]+:\/\//i.test(r.url)) urls.push(r.url);
    const b = r.value.baseUrl;
    if (typeof b === 'string') urls.push(b);
  }
  return urls;
}

/** Lookup of a value string by its code file and pointer. */
function stringIndex(strings: ImlString[]): (code: CodeFile, pointer: string) => ImlString | undefined {
  const index = new Map<CodeFile, Map<string, ImlString>>();
  for (const str of strings) {
    if (str.inKey) continue;
    let m = index.get(str.code);
    if (!m) {
      m = new Map();
      index.set(str.code, m);
    }
    m.set(str.pointer, str);
  }
  return (code, pointer) => index.get(code)?.get(pointer);
}

function analyseCode(
  c: Component | undefined,
  id: string,
  code: CodeFile,
  requests: RequestInfo[],
  paginatedBase: boolean,
  inherited?: { iterate: boolean; pagination: boolean },
): ImlString[] {
  return placeStrings(c, id, code, analysesOf(c, code, requests), requests, paginatedBase, inherited);
}

/**
 * The IML of a code document: its strings that hold IML (parsed once per document), and the bare
 * expressions of its response specs (`iterate`, and a webhook's own spec).
 */
function analysesOf(c: Component | undefined, code: CodeFile, requests: RequestInfo[]): ValueAnalysis[] {
  const analyses = [...imlOf(code)];
  const holders = requests.map((r) => ({ spec: r.value.response, pointer: `${r.pointer}/response` }));
  if (c?.kind === 'webhook' && code.codeType === 'communication')
    holders.push({ spec: code.value, pointer: '' });
  for (const h of holders)
    for (const b of bareExpressionsIn(h.spec))
      analyses.push({
        ...analyzeExpression(b.source),
        pointer: h.pointer + b.pointer,
        inKey: false,
        source: b.source,
      });
  return analyses;
}

const imlMemo = memoByValue<ValueAnalysis[]>();

/** The strings of a code document that hold IML or fail to parse as IML (parsed once per document). */
function imlOf(code: CodeFile): ValueAnalysis[] {
  // a parsed value belongs to one text, so the text pre-check below gives the same answer each time
  return imlMemo(code.value, '', () => {
    const analyses = analyzeValue(code.value).filter((a) => a.hasIml || a.errors.length > 0);
    if (mayHoldUnclosed(code.text)) analyses.push(...unclosedTemplates(code.value));
    return analyses;
  });
}

/**
 * Cheap text pre-check: a `{{` that reaches the end of its JSON string (a quote) with no `}}` on
 * the way, e.g. `"{{body.access_token}"`; `\u` escapes can hide braces, so they always walk.
 * Not cached: a cache keyed by the text hashes every new text in full and keeps old apps' texts
 * alive (more garbage-collector work).
 */
const UNCLOSED_IN_TEXT = /\{\{(?:[^}"\\]|\\.|\}(?!\}))*"/;
function mayHoldUnclosed(text: string): boolean {
  return UNCLOSED_IN_TEXT.test(text) || text.includes('\\u');
}

/**
 * Strings with a `{{` that never closes: `analyzeValue` skips them (they hold no complete
 * expression), but the engine's `analyzeTemplate` reports the unclosed brace, so add them.
 */
function unclosedTemplates(value: unknown): ValueAnalysis[] {
  const out: ValueAnalysis[] = [];
  // one path array pushed and popped along the walk; a pointer is built only for a hit
  walkUnclosed(value, [], out);
  return out;
}

function walkUnclosed(v: unknown, segs: string[], out: ValueAnalysis[]): void {
  if (typeof v === 'string') {
    if (v.includes('{{') && !hasIml(v)) {
      const a = analyzeTemplate(v);
      if (a.errors.length) out.push({ ...a, pointer: toPointer(segs), inKey: false, source: v });
    }
  } else if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      segs.push(String(i));
      walkUnclosed(v[i], segs, out);
      segs.pop();
    }
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      segs.push(k);
      if (k.includes('{{') && !hasIml(k)) {
        const a = analyzeTemplate(k);
        if (a.errors.length) out.push({ ...a, pointer: toPointer(segs), inKey: true, source: k });
      }
      walkUnclosed(x, segs, out);
      segs.pop();
    }
  }
}
