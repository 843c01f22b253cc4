/**
 * The request a polling trigger's "Choose where to start" panel sends (make-iml.md §7.4): the
 * `epoch` section is a set of overrides merged over the trigger's request, so what it leaves out
 * (url, method, pagination, `response.iterate`...) is the trigger's. The simulator runs this
 * request; the differ compares it, so an epoch that writes the inherited parts out is the same.
 *
 * Which request of a multi-request trigger it merges over is not documented; the one that returns
 * the items (the one with `response.trigger`, else the last) is the one that makes sense.
 */
import { isObject } from './objects.ts';
import { getOwn, setOwn } from './own.ts';

export interface EpochRequest {
  /** The request the panel sends: the trigger's request with the epoch's keys over it. */
  request: Record<string, unknown>;
  /** Index of the trigger's request it was merged over (undefined when communication is one object). */
  index?: number;
  /** Paths (`['url']`, `['response', 'iterate']`) whose value came from the trigger's request. */
  inherited: string[][];
}

/** The trigger's request that returns the items: the one with `response.trigger`, else the last. */
function itemRequest(communication: unknown): { spec?: Record<string, unknown>; index?: number } {
  if (!Array.isArray(communication)) return { spec: isObject(communication) ? communication : undefined };
  const withTrigger = communication.findIndex(
    (r) => isObject(r) && isObject(r.response) && Object.hasOwn(r.response, 'trigger'),
  );
  const index = withTrigger >= 0 ? withTrigger : communication.length - 1;
  const spec = communication[index];
  return { spec: isObject(spec) ? spec : undefined, index };
}

/** Merges an `epoch` section over its trigger's communication; undefined when the epoch is not an object. */
export function epochRequest(communication: unknown, epoch: unknown): EpochRequest | undefined {
  if (!isObject(epoch)) return undefined;
  const { spec, index } = itemRequest(communication);
  const request: Record<string, unknown> = {};
  const inherited: string[][] = [];
  for (const [k, v] of Object.entries(spec ?? {}))
    if (k !== 'response' && getOwn(epoch, k) === undefined) {
      setOwn(request, k, v);
      inherited.push([k]);
    }
  for (const [k, v] of Object.entries(epoch)) if (k !== 'response') setOwn(request, k, v);
  // The trigger's bookkeeping (`response.trigger`) is the trigger's own; everything else is inherited.
  const own = isObject(epoch.response) ? epoch.response : {};
  const response: Record<string, unknown> = {};
  const theirs = isObject(spec?.response) ? spec.response : {};
  for (const [k, v] of Object.entries(theirs))
    if (k !== 'trigger' && getOwn(own, k) === undefined) {
      setOwn(response, k, v);
      inherited.push(['response', k]);
    }
  for (const [k, v] of Object.entries(own)) setOwn(response, k, v);
  if (Object.keys(response).length > 0 || epoch.response !== undefined) request.response = response;
  return { request, index, inherited };
}
