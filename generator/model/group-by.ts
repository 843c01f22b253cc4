/**
 * Items by key, each list in the items' order; items without a key are left out. Linear in the
 * number of items (reports of a hostile app may hold hundreds of thousands of changes).
 */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
