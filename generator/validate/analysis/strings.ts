import type { ValueAnalysis } from '../../iml/api.ts';
import type { CodeFile, Component, SourceLocation } from '../../model/index.ts';
import { fromPointer } from '../../model/index.ts';
import { isOAuthCommunication, type RequestInfo } from './requests.ts';
import { availableVariables, type Phase, type ScopeKey } from './scope-table.ts';

/** One JSON string (or IML key) of an analysed document, with everything a rule asks about it. */
export interface ImlString {
  component?: Component;
  componentId: string;
  code: CodeFile;
  /** Pointer of the string inside the code document's value. */
  pointer: string;
  inKey: boolean;
  source: string;
  analysis: ValueAnalysis;
  /** The request that holds the string, if any. */
  request?: RequestInfo;
  /** OAuth section or `attach`/`detach`/`update`/`epoch`. */
  section?: string;
  /** Dotted directive path inside the request (or webhook spec): `url`, `qs.page`, `response.output.id`. */
  directive: string;
  phase: Phase;
  /** Root variables available here. */
  available: ReadonlySet<string>;
  scope: ScopeKey;
  /** Execution order stamp for `temp` (seq = request order, stage = step inside a request). */
  order: { seq: number; stage: number };
  /** Location of a character of the string (offset into the decoded string). */
  locate(offset?: number): SourceLocation;
}

/** One placed string; a class so `locate` is shared, not a closure per string. */
class PlacedString implements ImlString {
  readonly pointer: string;
  readonly inKey: boolean;
  readonly source: string;
  readonly available: ReadonlySet<string>;
  readonly order: { seq: number; stage: number };
  constructor(
    readonly component: Component | undefined,
    readonly componentId: string,
    readonly code: CodeFile,
    readonly analysis: ValueAnalysis,
    readonly request: RequestInfo | undefined,
    readonly section: string | undefined,
    readonly directive: string,
    readonly phase: Phase,
    readonly scope: ScopeKey,
    available: ReadonlySet<string>,
  ) {
    this.pointer = analysis.pointer;
    this.inKey = analysis.inKey;
    this.source = analysis.source;
    this.available = available;
    this.order = { seq: request?.seq ?? 0, stage: STAGE[phase] };
  }
  locate(offset = 0): SourceLocation {
    return this.inKey
      ? this.code.locate(this.pointer, { key: true })
      : this.code.locate(this.pointer, { offsetInString: offset });
  }
}

/**
 * The same placed string for another load's component, document and request objects (equal to the
 * ones it was placed with): only the references change, nothing is placed again.
 */
export function rebindString(
  s: ImlString,
  component: Component | undefined,
  code: CodeFile,
  request: RequestInfo | undefined,
): ImlString {
  const scope = s.scope.component === component ? s.scope : { ...s.scope, component };
  return new PlacedString(
    component,
    s.componentId,
    code,
    s.analysis,
    request,
    s.section,
    s.directive,
    s.phase,
    scope,
    s.available,
  );
}

const STAGE: Record<Phase, number> = {
  'request-temp': 0,
  request: 1,
  repeat: 3,
  'response-temp': 2,
  response: 3,
  iterate: 3,
  item: 3,
  wrapper: 4,
  pagination: 3,
  'webhook-incoming': 1,
  'webhook-item': 1,
  responder: 1,
  other: 1,
};

/** fromPointer, skipping the unescaping when the pointer has no `~` (nearly always). */
function segmentsOf(pointer: string): string[] {
  if (pointer.includes('~') || pointer === '' || pointer === '/') return fromPointer(pointer);
  return pointer.slice(1).split('/');
}

/** Equal in every field availableVariables reads. */
function sameScope(a: ScopeKey, b: ScopeKey): boolean {
  return (
    a.context === b.context &&
    a.component?.moduleType === b.component?.moduleType &&
    a.oauth === b.oauth &&
    a.section === b.section &&
    a.phase === b.phase &&
    a.paginated === b.paginated &&
    a.iterates === b.iterates
  );
}

/** True when `pointer` is `base` or lies under it (`base` + `/`...), without building `base/`. */
function holds(base: string, pointer: string): boolean {
  return (
    pointer === base ||
    (pointer.length > base.length && pointer.charCodeAt(base.length) === 47 && pointer.startsWith(base))
  );
}

/** Phase of a directive path inside a request object. */
function phaseOf(
  dir: string[],
  request: Record<string, unknown> | undefined,
  inheritedIterate = false,
): Phase {
  const [first, second] = dir;
  if (first === 'temp') return 'request-temp';
  if (first === 'repeat' || first === 'while') return 'repeat';
  if (first === 'pagination') return 'pagination';
  if (first === 'response') {
    const resp = request?.response as Record<string, unknown> | undefined;
    const iterates =
      inheritedIterate ||
      (resp !== undefined && typeof resp === 'object' && resp !== null && 'iterate' in resp);
    switch (second) {
      case 'temp':
        return 'response-temp';
      case 'iterate':
        return dir[2] === 'condition' ? 'item' : 'iterate';
      case 'output':
      case 'trigger':
        return iterates ? 'item' : 'response';
      case 'wrapper':
        return 'wrapper';
      default:
        return 'response';
    }
  }
  return 'request';
}

function scopeContext(c: Component | undefined, codeType: string): ScopeKey['context'] {
  if (!c) return 'base';
  if (c.kind === 'connection') return 'connection';
  if (c.kind === 'webhook') return codeType === 'communication' ? 'webhook' : 'webhook-call';
  if (c.kind === 'rpc') return 'rpc';
  if (c.kind === 'function') return 'function';
  return codeType === 'epoch' ? 'epoch' : 'module';
}

/**
 * Places every analysed string of one code document: which request holds it, which directive,
 * which phase, and what is available there.
 */
export function placeStrings(
  component: Component | undefined,
  componentId: string,
  code: CodeFile,
  analyses: ValueAnalysis[],
  requests: RequestInfo[],
  paginatedBase: boolean,
  /** Epoch inherits the trigger's iterate (and pagination) unless it overrides them. */
  inherited: { iterate: boolean; pagination: boolean } = { iterate: false, pagination: false },
): ImlString[] {
  const byPointer =
    requests.length > 1 ? [...requests].sort((a, b) => b.pointer.length - a.pointer.length) : requests;
  const oauth = component?.kind === 'connection' && isOAuthCommunication(component, code.value);
  const context = scopeContext(component, code.codeType);
  const out: ImlString[] = [];
  let last: { scope: ScopeKey; available: ReadonlySet<string> } | undefined;
  for (const a of analyses) {
    const request = byPointer.find((r) => holds(r.pointer, a.pointer));
    const dir = segmentsOf(request ? a.pointer.slice(request.pointer.length) : a.pointer);
    let phase: Phase;
    if (request) phase = phaseOf(dir, request.value, inherited.iterate);
    else if (context === 'webhook') {
      const iterates = typeof code.value === 'object' && code.value !== null && 'iterate' in code.value;
      phase =
        iterates && (dir[0] === 'output' || (dir[0] === 'iterate' && dir[1] === 'condition'))
          ? 'webhook-item'
          : 'webhook-incoming';
    } else if (component?.moduleType === 'responder' && code.codeType === 'communication')
      phase = 'responder';
    else phase = 'other';
    const paginated =
      paginatedBase || inherited.pagination || (request !== undefined && 'pagination' in request.value);
    const resp = request?.value.response;
    // attach/detach/update found inside a webhook's communication document run as calls
    const ctxHere = context === 'webhook' && request?.section ? 'webhook-call' : context;
    const scope: ScopeKey = {
      context: ctxHere,
      component,
      oauth,
      section: request?.section,
      phase,
      paginated,
      iterates: inherited.iterate || (typeof resp === 'object' && resp !== null && 'iterate' in resp),
    };
    // neighbouring strings mostly share a scope: reuse the last answer when every field matches
    if (!last || !sameScope(last.scope, scope)) last = { scope, available: availableVariables(scope) };
    const available = last.available;
    out.push(
      new PlacedString(
        component,
        componentId,
        code,
        a,
        request,
        request?.section ?? (code.codeType === 'communication' ? undefined : code.codeType),
        dir.join('.'),
        phase,
        scope,
        available,
      ),
    );
  }
  return out;
}
