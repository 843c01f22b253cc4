import { stableJson } from './compare-tree.ts';
import type { Change } from './types.ts';

/**
 * A student who writes a header the reference keeps in base (`authorization: Bearer …`) into every
 * module and RPC instead sends the same requests. Without this fold the diff would say "base
 * header missing" (breaking) plus one "extra header" per module. When every module/RPC request of
 * the student carries the reference's base header with the same value, those changes become one
 * equivalent change.
 */
export function foldMovedBaseHeaders(changes: Change[], requestsPerComponent: Map<string, number>): Change[] {
  let out = changes;
  for (const missing of changes.filter((c) => c.component === 'base' && c.code === 'D-HEADER-MISSING')) {
    const header = missing.path.replace(/^headers\./, '');
    const sameHeader = (c: Change, section: string, path: RegExp) =>
      c.code === 'D-HEADER-ADDED' &&
      c.section === section &&
      /^(modules|rpcs)\./.test(c.component) &&
      path.test(c.path) &&
      stableJson(c.theirs.value) === stableJson(missing.reference.value);
    const h = escapeRe(header);
    const inRequests = out.filter((c) =>
      sameHeader(c, 'communication', new RegExp(`^\\d+\\.headers\\.${h}$`)),
    );
    // an epoch inherits the trigger's headers, so it carries the moved header too
    const inEpochs = out.filter((c) => sameHeader(c, 'epoch', new RegExp(`^headers\\.${h}$`)));
    const moved = [...inRequests, ...inEpochs];
    const perComponent = new Map<string, number>();
    for (const c of inRequests) perComponent.set(c.component, (perComponent.get(c.component) ?? 0) + 1);
    const everywhere =
      requestsPerComponent.size > 0 &&
      [...requestsPerComponent].every(([id, n]) => perComponent.get(id) === n);
    if (!everywhere) continue;
    const drop = new Set<Change>([missing, ...moved]);
    out = out.filter((c) => !drop.has(c));
    out.push({
      ...missing,
      code: 'D-WRITTEN-DIFFERENTLY',
      class: 'equivalent',
      message: `The header \`${header}\` is written in every module and RPC instead of in base; the requests are the same.`,
      reference: { ...missing.reference },
      theirs: moved[0] ? { ...moved[0].theirs } : missing.theirs,
    });
    delete out[out.length - 1].fix;
  }
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
