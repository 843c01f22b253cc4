/**
 * The output stage of a response (make-iml.md §4): `iterate` (with its condition) or `output`,
 * and how pages of one request combine.
 */

import type { ImlContext } from '../iml/api.ts';
import { isTruthy } from '../iml/index.ts';
import { containerTemplate, iterateContainer } from '../model/bare-iml.ts';
import { isPlainObject } from '../model/index.ts';
import type { Spec } from './base-merge.ts';
import { MakeError } from './errors.ts';
import type { ExecEnv, IteratedItem } from './exec-types.ts';

export function shapeOutput(
  env: ExecEnv,
  response: Spec,
  rctx: ImlContext,
  iterating: boolean,
): { output?: unknown; items?: IteratedItem[]; iterateVars?: unknown } {
  const ev = (v: unknown, c: ImlContext) => env.iml.eval(v, c);
  if (!iterating) {
    const output = response.output !== undefined ? ev(response.output, rctx) : rctx.body;
    return { output };
  }
  const it = response.iterate;
  const container = ev(containerTemplate(iterateContainer(it)), rctx);
  let list: unknown[];
  if (Array.isArray(container)) list = container;
  else if (container === undefined || container === null) list = [];
  else throw new MakeError('RuntimeError', 'The iterate container is not an array.');
  const iterateVars = { container: { first: list[0], last: list[list.length - 1] } };
  const items: IteratedItem[] = [];
  for (const item of list) {
    const ictx = { ...rctx, item, iterate: iterateVars };
    if (isPlainObject(it) && it.condition !== undefined && !isTruthy(ev(it.condition, ictx))) continue;
    items.push({ item, output: response.output !== undefined ? ev(response.output, ictx) : item });
  }
  return { items, output: items.map((x) => x.output), iterateVars };
}

export function mergePages(
  pages: { output?: unknown; items?: IteratedItem[] }[],
  iterating: boolean,
): { output: unknown; items?: IteratedItem[] } {
  if (iterating) {
    const items = pages.flatMap((p) => p.items ?? []);
    return { output: items.map((x) => x.output), items };
  }
  if (pages.length === 1) return { output: pages[0].output };
  const out: unknown[] = [];
  for (const p of pages) {
    if (Array.isArray(p.output)) out.push(...p.output);
    else if (p.output !== undefined) out.push(p.output);
  }
  return { output: out };
}
