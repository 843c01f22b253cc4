import type { ClassifyContext } from './classified-change.ts';
import type { RawDiff } from './compare-tree.ts';
import { show } from './explain.ts';

/** One difference inside a request specification, with what every classifier needs to word it. */
export interface RequestDiff {
  /** Path inside the request: `['qs', 'page']`. `key` and `sub` are its first two segments. */
  path: string[];
  key: string | undefined;
  sub: string | undefined;
  rest: string[];
  d: RawDiff;
  ctx: ClassifyContext;
  /** Which request: `token`, `refresh`..., `base`, or undefined for a module's own request. */
  where: string | undefined;
  /** How messages name it: "the `token` request", "base", "the request". */
  label: string;
  /** The two values, shown for messages. */
  r: string;
  t: string;
}

export function requestDiff(
  path: string[],
  d: RawDiff,
  ctx: ClassifyContext,
  where: string | undefined,
): RequestDiff {
  const [key, sub, ...rest] = path;
  return {
    path,
    key,
    sub,
    rest,
    d,
    ctx,
    where,
    label: where === 'base' ? 'base' : where ? `the \`${where}\` request` : 'the request',
    r: show(d.ref.value),
    t: show(d.theirs.value),
  };
}
