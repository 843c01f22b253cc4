import { show } from './explain.ts';
import type { Change } from './types.ts';

/**
 * Every change the student should act on carries a fix: codes whose classifier has no specific
 * advice get one from what each side has (add what is missing, remove what is extra, use the
 * reference's value).
 */
export function withFixes(changes: Change[]): Change[] {
  for (const ch of changes) if (!ch.fix && ch.class !== 'equivalent') ch.fix = defaultFix(ch);
  return changes;
}

function defaultFix(ch: Change): string {
  const where = ch.path ? `\`${ch.path}\` in ${ch.section}` : `\`${ch.section}\``;
  const mine = ch.theirsComponent ?? ch.component;
  if (ch.code === 'D-COMPONENT-EXTRA')
    return `Nothing to do if ${mine} is intended; the reference has no such component.`;
  if (ch.code === 'D-COMPONENT-RENAMED')
    return `Optional: name it ${ch.component.split('.').pop()} as the reference does.`;
  if (!ch.theirs.present) return `Add ${where} to ${mine} as in the reference: ${show(ch.reference.value)}.`;
  if (!ch.reference.present)
    return `Remove ${where} from ${mine} unless you need it: the reference does without it.`;
  return `Change ${where} in ${mine} to the reference's ${show(ch.reference.value)}.`;
}
