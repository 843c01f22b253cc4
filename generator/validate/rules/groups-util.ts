import type { CodeFile } from '../../model/index.ts';
import { isObject } from '../../model/index.ts';
import type { RuleContext } from '../types.ts';

export interface GroupEntry {
  name: string;
  pointer: string;
  group: string;
}

/** Every module name listed in `groups`, with its pointer. */
export function groupEntries(ctx: RuleContext): { code: CodeFile; entries: GroupEntry[] } | undefined {
  const code = ctx.app.general.groups;
  if (!code || !Array.isArray(code.value)) return undefined;
  const entries: GroupEntry[] = [];
  code.value.forEach((g, i) => {
    if (!isObject(g) || !Array.isArray(g.modules)) return;
    g.modules.forEach((m, j) => {
      if (typeof m === 'string')
        entries.push({ name: m, pointer: `/${i}/modules/${j}`, group: String(g.label ?? i) });
    });
  });
  return { code, entries };
}
