/** Reads what an imported component stores, so the generated code declares it (`stores: [...]`). */
import { isObject } from '../../model/index.ts';

function dataKeysOf(request: unknown, into: Set<string>): void {
  if (Array.isArray(request)) {
    for (const r of request) dataKeysOf(r, into);
    return;
  }
  if (!isObject(request) || !isObject(request.response) || !isObject(request.response.data)) return;
  for (const k of Object.keys(request.response.data)) if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k)) into.add(k);
}

/** Keys a connection's communication writes with `response.data` (basic request(s) or OAuth sections). */
export function connectionStores(communication: unknown): string[] {
  const keys = new Set<string>();
  if (Array.isArray(communication) || (isObject(communication) && 'url' in communication))
    dataKeysOf(communication, keys);
  else if (isObject(communication))
    for (const section of Object.values(communication)) dataKeysOf(section, keys);
  return [...keys].sort();
}

export function requestStores(request: unknown): string[] {
  const keys = new Set<string>();
  dataKeysOf(request, keys);
  return [...keys].sort();
}

/** Groups the typed form can express: `[{label, modules: [known names]}]` with nothing else. */
export function groupsAreTyped(
  groups: unknown,
  moduleNames: ReadonlySet<string>,
): groups is { label: string; modules: string[] }[] {
  return (
    Array.isArray(groups) &&
    groups.every(
      (g) =>
        isObject(g) &&
        Object.keys(g).every((k) => k === 'label' || k === 'modules') &&
        typeof g.label === 'string' &&
        Array.isArray(g.modules) &&
        g.modules.every((m) => typeof m === 'string' && moduleNames.has(m)) &&
        new Set(g.modules).size === g.modules.length,
    )
  );
}
