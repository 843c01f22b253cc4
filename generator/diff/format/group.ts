import { groupBy } from '../../model/index.ts';
import type { SourceLocation } from '../../model/location.ts';
import type { Change, ChangeClass } from '../types.ts';

const CLASS_ORDER: Record<ChangeClass, number> = {
  breaking: 0,
  behavioural: 1,
  cosmetic: 2,
  equivalent: 3,
};

/** Changes grouped by component (reference id), components in a stable order, worst change first. */
export function groupByComponent(
  changes: Change[],
): { component: string; theirs?: string; changes: Change[] }[] {
  const map = groupBy(changes, (c) => c.component);
  return [...map.entries()]
    .sort(([a], [b]) => componentRank(a) - componentRank(b) || a.localeCompare(b))
    .map(([component, list]) => ({
      component,
      theirs: list.find((c) => c.theirsComponent)?.theirsComponent,
      changes: [...list].sort(
        (a, b) =>
          CLASS_ORDER[a.class] - CLASS_ORDER[b.class] ||
          a.section.localeCompare(b.section) ||
          a.path.localeCompare(b.path),
      ),
    }));
}

function componentRank(id: string): number {
  const order = [
    'base',
    'common',
    'connections',
    'webhooks',
    'modules',
    'rpcs',
    'functions',
    'groups',
    'readme',
  ];
  const i = order.indexOf(id.split('.')[0]);
  return i < 0 ? 99 : i;
}

export function where(loc: SourceLocation | undefined): string {
  return loc ? `${loc.file}:${loc.line}:${loc.column}` : '—';
}
