import { KEYWORDS } from '../../iml/index.ts';
import type { Component } from '../../model/index.ts';

/**
 * Which root variables IML may read, by component and phase (make-iml.md §10.7, §4, §5, §6, §8).
 * Where the reference is unsure, the variable is allowed: a linter must never be wrong where Make
 * is lenient.
 */
export type Phase =
  | 'request-temp'
  | 'request'
  | 'repeat'
  | 'response-temp'
  | 'response'
  | 'iterate'
  | 'item'
  | 'wrapper'
  | 'pagination'
  | 'webhook-incoming'
  | 'webhook-item'
  | 'responder'
  | 'other';

/** The IML keywords and globals (from the parser, the one source of them) plus runtime-wide roots. */
export const GLOBAL_VARIABLES: ReadonlySet<string> = new Set([
  ...KEYWORDS,
  'executionId',
  'environment',
  'internal',
  'temp',
]);

/** Variables that only exist after a response arrived. */
const RESPONSE_VARS = ['body', 'headers', 'statusCode'];

export interface ScopeKey {
  /** `connection`, `module`, `rpc`, `base`, `webhook`, `webhook-call` (attach/detach/update), `epoch`. */
  context: 'connection' | 'module' | 'rpc' | 'base' | 'webhook' | 'webhook-call' | 'epoch' | 'function';
  component?: Component;
  oauth: boolean;
  /** OAuth section, e.g. `authorize`. */
  section?: string;
  phase: Phase;
  /** The request uses `pagination` (so `pagination.*` is meaningful in it). */
  paginated: boolean;
  /** The response iterates (so `item` / `iterate.*` exist in output and trigger). */
  iterates: boolean;
}

const cache = new Map<string, ReadonlySet<string>>();

/** The set of root variables available at that place (shared, read-only sets: one per distinct place kind). */
export function availableVariables(k: ScopeKey): ReadonlySet<string> {
  const key = `${k.context}|${k.component?.moduleType ?? ''}|${k.oauth}|${k.section ?? ''}|${k.phase}|${k.paginated}|${k.iterates}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = computeAvailable(k);
    cache.set(key, hit);
  }
  return hit;
}

function computeAvailable(k: ScopeKey): Set<string> {
  const out = new Set(GLOBAL_VARIABLES);
  const add = (...names: string[]) => {
    for (const n of names) out.add(n);
  };
  // repeat.condition: the docs say "temp only", but real apps read body there; stay lenient
  const responsePhase = !['request-temp', 'request', 'responder', 'other'].includes(k.phase);
  switch (k.context) {
    case 'connection':
      add('parameters', 'connection', 'common', 'data');
      if (k.oauth) add('oauth');
      if (k.oauth && k.section === 'authorize' && responsePhase) add('query');
      if (responsePhase) add(...RESPONSE_VARS);
      break;
    case 'webhook':
      add('parameters', 'data', 'body', 'query', 'method', 'headers', 'webhook');
      if (k.phase === 'webhook-item') add('item');
      break;
    case 'webhook-call':
      add('parameters', 'connection', 'common', 'webhook', 'data');
      if (responsePhase) add(...RESPONSE_VARS);
      break;
    default: {
      // modules, RPCs, base (shared by both), epoch (a polling trigger's request)
      add('parameters', 'connection', 'common', 'data', 'scenario', 'metadata');
      const mt = k.component?.moduleType;
      if (k.context === 'rpc' || k.context === 'base') add('webhook');
      if (mt === 'instant_trigger' || k.context === 'base') add('payload');
      if (k.phase === 'responder') break;
      if (k.paginated || k.context === 'base') add('pagination');
      if (responsePhase) add(...RESPONSE_VARS);
      if (k.phase === 'pagination' || k.phase === 'wrapper' || k.phase === 'response' || k.phase === 'item')
        add('iterate');
      if (k.phase === 'item' || (k.phase === 'iterate' && k.iterates)) add('item');
      if (k.phase === 'wrapper') add('output', 'item');
      if (k.phase === 'pagination') add('pagination');
    }
  }
  return out;
}

/** A short phrase naming where a variable IS available, for messages. */
export const VARIABLE_HOME: Record<string, string> = {
  body: 'response directives (response.*, pagination) or webhook communication',
  headers: 'response directives (response.*, pagination) or webhook communication',
  statusCode: 'response directives (response.*, pagination)',
  item: 'response.iterate.condition and, after response.iterate, in response.output / response.trigger / wrapper',
  output: 'response.wrapper',
  query: "an OAuth2 connection's authorize.response or webhook communication",
  payload: 'instant-trigger communication',
  oauth: 'OAuth2 connection communication',
  webhook: 'webhook attach/detach/update and RPCs run for an instant trigger',
  pagination: 'pagination directives of a module or RPC that paginates',
  connection: 'components that use a connection',
  method: 'webhook communication (the incoming request)',
  iterate: 'response directives after response.iterate',
  common: 'connections, modules, RPCs and webhook attach/detach',
};
