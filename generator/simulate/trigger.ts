/**
 * Polling-trigger bookkeeping (make-iml.md §7.3): `response.trigger` says how items are identified
 * (`id` or `date`) and in which order the API returns them; the simulator remembers the last item
 * between runs and emits only newer ones, oldest first, at most `limit` per run.
 */

import type { ImlContext } from '../iml/api.ts';
import { isPlainObject } from '../model/index.ts';
import { MakeError } from './errors.ts';
import type { IteratedItem } from './exec-types.ts';
import type { ImlEnv } from './iml.ts';
import type { TriggerState } from './runtime.ts';

/** What the user picked in "Choose where to start". */
export type EpochChoice = 'all' | 'fromNow' | { since: string } | { id: unknown };

interface Keyed {
  it: IteratedItem;
  id: unknown;
  date?: number;
}

export function newTriggerState(): TriggerState {
  return { sameDateIds: [], seen: [], initialized: false };
}

function dateMs(v: unknown): number | undefined {
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v) {
    const t = Date.parse(v);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

const same = (a: unknown, b: unknown) => a === b || (a != null && b != null && String(a) === String(b));

export function selectNewItems(
  iml: ImlEnv,
  triggerSpec: unknown,
  items: IteratedItem[],
  ctx: ImlContext,
  state: TriggerState,
  limit: number,
  epoch: EpochChoice,
  maxPastRecords: number,
): IteratedItem[] {
  if (!isPlainObject(triggerSpec))
    throw new MakeError(
      'InvalidConfigurationError',
      'A polling trigger needs response.trigger (type, order, id)',
    );
  const type = String(iml.eval(triggerSpec.type, ctx) ?? 'id');
  const order = String(iml.eval(triggerSpec.order, ctx) ?? 'unordered');
  let keyed: Keyed[] = items.map((it) => {
    const ictx = { ...ctx, item: it.item };
    const k: Keyed = { it, id: iml.eval(triggerSpec.id, ictx) };
    if (type === 'date') {
      const d = dateMs(iml.eval(triggerSpec.date, ictx));
      if (d === undefined) throw new MakeError('DataError', 'trigger.date did not evaluate to a date');
      k.date = d;
    }
    return k;
  });
  if (order === 'desc') keyed = keyed.reverse();
  if (type === 'date' && order === 'unordered') keyed.sort((a, b) => a.date! - b.date!);

  let fresh: Keyed[];
  if (!state.initialized) {
    if (epoch === 'fromNow') fresh = [];
    else if (epoch === 'all') fresh = keyed;
    else if ('since' in epoch) {
      const since = dateMs(epoch.since) ?? 0;
      fresh = type === 'date' ? keyed.filter((k) => k.date! >= since) : keyed;
    } else {
      const idx = keyed.findIndex((k) => same(k.id, epoch.id));
      fresh = idx >= 0 ? keyed.slice(idx + 1) : keyed;
    }
    if (epoch === 'fromNow') remember(state, keyed, type, maxPastRecords);
  } else if (type === 'date') {
    const last = dateMs(state.lastDate) ?? Number.NEGATIVE_INFINITY;
    fresh = keyed.filter(
      (k) => k.date! > last || (k.date === last && !state.sameDateIds.some((x) => same(x, k.id))),
    );
  } else if (order === 'unordered') {
    fresh = keyed.filter((k) => !state.seen.some((x) => same(x, k.id)));
  } else {
    const idx = keyed.findIndex((k) => same(k.id, state.lastId));
    fresh = idx >= 0 ? keyed.slice(idx + 1) : keyed.filter((k) => !state.seen.some((x) => same(x, k.id)));
  }
  const emitted = fresh.slice(0, Math.max(1, limit));
  remember(state, emitted, type, maxPastRecords);
  state.initialized = true;
  return emitted.map((k) => k.it);
}

function remember(state: TriggerState, emitted: Keyed[], type: string, maxPastRecords: number): void {
  for (const k of emitted) {
    state.seen.push(k.id);
    state.lastId = k.id;
    if (type === 'date') {
      const iso = new Date(k.date!).toISOString();
      if (iso !== state.lastDate) state.sameDateIds = [];
      state.lastDate = iso;
      state.sameDateIds.push(k.id);
    }
  }
  if (state.seen.length > maxPastRecords) state.seen.splice(0, state.seen.length - maxPastRecords);
}

/** `data.*` a polling trigger's IML sees (both spellings of lastID). */
export function triggerData(state: TriggerState): Record<string, unknown> {
  return {
    ...(state.lastId !== undefined ? { lastID: state.lastId, lastId: state.lastId } : {}),
    ...(state.lastDate !== undefined ? { lastDate: state.lastDate } : {}),
  };
}
