import type { Component } from '../../model/index.ts';
import { isObject } from '../../model/index.ts';
import { collectParameters, parameterCodes } from './parameters.ts';
import type { RequestInfo } from './requests.ts';

/** What a connection stores (readable later as `connection.<name>`). */
export interface ConnectionStore {
  names: Set<string>;
  /** True when not knowable (IML or spread in response.data, dynamic parameters). */
  open: boolean;
}

export function connectionStore(connection: Component, requests: RequestInfo[]): ConnectionStore {
  const params = collectParameters(parameterCodes(connection));
  const out: ConnectionStore = { names: new Set(params.names), open: params.open };
  if (connection.codes.communication && connection.codes.communication.value === undefined) out.open = true;
  for (const r of requests) {
    const resp = r.value.response;
    if (!isObject(resp) || resp.data === undefined) continue;
    addKeys(resp.data, out);
  }
  return out;
}

function addKeys(data: unknown, out: { names: Set<string>; open: boolean }): void {
  if (!isObject(data)) {
    out.open = true;
    return;
  }
  for (const k of Object.keys(data)) {
    if (k.includes('{{')) out.open = true;
    else out.names.add(k);
  }
}

/** Where `temp.<key>` gets set, in execution order. */
export interface TempSets {
  keys: Map<string, { seq: number; stage: number }[]>;
  /** True when something sets temp dynamically (IML string or spread), so reads cannot be judged. */
  open: boolean;
}

export function tempSets(requests: RequestInfo[], inherited?: TempSets, ambient = false): TempSets {
  const out: TempSets = { keys: new Map(), open: inherited?.open ?? false };
  if (inherited)
    for (const [k, v] of inherited.keys) out.keys.set(k, ambient ? [{ seq: -1, stage: -1 }] : [...v]);
  for (const r of requests) {
    // a repeated request sees its own response temp on the next round
    const repeated = 'repeat' in r.value || 'while' in r.value;
    addTemp(out, r.value.temp, r.seq, repeated ? -1 : 0);
    const resp = r.value.response;
    if (isObject(resp)) addTemp(out, resp.temp, r.seq, repeated ? -1 : 2);
  }
  return out;
}

function addTemp(out: TempSets, value: unknown, seq: number, stage: number): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    out.open = true;
    return;
  }
  for (const k of Object.keys(value)) {
    if (k.includes('{{')) {
      out.open = true;
      continue;
    }
    const list = out.keys.get(k) ?? [];
    list.push({ seq, stage });
    out.keys.set(k, list);
  }
}

/** True when a `temp.<key>` read at `order` is preceded by a set. */
export function tempSetBefore(sets: TempSets, key: string, order: { seq: number; stage: number }): boolean {
  const list = sets.keys.get(key);
  if (!list) return false;
  return list.some((s) => s.seq < order.seq || (s.seq === order.seq && s.stage < order.stage));
}
