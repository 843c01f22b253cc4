/**
 * A `makecomapp.json` that lists only some keys (e.g. only `origins`) while the components sit in
 * the conventional folders (`modules/`, `connections/`…): those kinds are discovered from the
 * folders, with one finding about the incomplete manifest, instead of leaving every file unchecked.
 */
import { type AppModel, COMPONENT_KINDS, type ComponentKind } from '../model/app.ts';
import { type LoadContext, report } from './context.ts';
import { loadGeneralCandidates } from './folder-scan.ts';
import { manifestKinds } from './local-dev.ts';
import { discoverConventional, GENERAL_CANDIDATES } from './loose.ts';

export function withConventionalFallback(ctx: LoadContext, app: AppModel): AppModel {
  const listed = manifestKinds.get(app);
  if (!listed) return app; // the manifest could not be read: nothing to fall back from
  const missing = new Set<ComponentKind>(COMPONENT_KINDS.filter((k) => !listed.has(k)));
  const hadBase = app.general.base !== undefined;
  if (!hadBase) loadGeneralCandidates(ctx, app, { base: GENERAL_CANDIDATES.base });
  const added = missing.size ? discoverConventional(ctx, app, missing) : 0;
  const baseAdded = !hadBase && app.general.base !== undefined;
  if (added === 0 && !baseAdded) return app;
  const what = [
    ...(added ? [`${added} component${added === 1 ? '' : 's'}`] : []),
    ...(baseAdded ? ['the base'] : []),
  ].join(' and ');
  report(
    ctx,
    'load/incomplete-manifest',
    'warning',
    `makecomapp.json does not list ${what} found in the conventional folders; they were loaded from there. List them in makecomapp.json (components, generalCodeFiles) so Make's tools see them too.`,
    { file: 'makecomapp.json', line: 1, column: 1, pointer: '' },
  );
  return app;
}
