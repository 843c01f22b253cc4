import { imlReferences, timeUnits } from './canonical-iml.ts';
import { type Classified, type ClassifyContext, c } from './classified-change.ts';
import type { RawDiff } from './compare-tree.ts';
import { editDistance } from './explain.ts';
import { ownValue } from './own-key.ts';

/**
 * Finer codes for two IML strings: a swapped time unit (`addSeconds` for `addMinutes`) and a
 * reference to something that does not exist (a misspelt `connection.accessToken`).
 */
export function refineStrings(d: RawDiff, ctx: ClassifyContext, path: string[]): Classified | undefined {
  const rv = d.ref.value;
  const tv = d.theirs.value;
  if (typeof rv !== 'string' || typeof tv !== 'string') return undefined;
  const ru = timeUnits(rv);
  const tu = timeUnits(tv);
  if (ru.units.length > 0 && ru.skeleton === tu.skeleton && ru.units.join() !== tu.units.join()) {
    const isExpiry = path.some((p) => /expire/i.test(p));
    const from = ru.units.join(', ').toLowerCase();
    const to = tu.units.join(', ').toLowerCase();
    const factor = unitFactor(ru.units[0], tu.units[0]);
    const effect = factor
      ? factor > 1
        ? `${factor}× too late`
        : `${Math.round(1 / factor)}× too early`
      : 'at the wrong time';
    return c(
      isExpiry ? 'D-EXPIRY-UNIT' : 'D-TIME-UNIT-CHANGED',
      'behavioural',
      `\`${path.join('.')}\` counts in ${to} where the reference counts in ${from}${isExpiry ? ' (the App Academy API gives lifetimes in minutes)' : ''}: the time comes ${effect}${isExpiry ? ', so the token is thought expired long before it is and refreshed far too often' : ''}.`,
      `Use add${ru.units[0]}( instead of add${tu.units[0]}( in \`${path.join('.')}\`.`,
    );
  }
  const rRefs = imlReferences(rv).variables;
  const tRefs = imlReferences(tv).variables;
  const onlyT = tRefs.filter((v) => !rRefs.includes(v));
  const onlyR = rRefs.filter((v) => !tRefs.includes(v));
  if (onlyT.length > 0 && onlyR.length > 0) {
    for (const tVar of onlyT) {
      const near = onlyR.find((rVar) => editDistance(rVar, tVar) <= 2);
      if (!near) continue;
      const [root, key] = tVar.split('.');
      const unknown =
        root === 'connection' && key !== undefined && !ctx.theirsStored.has(key) && ctx.refStored.size > 0;
      const stored = [...ctx.theirsStored].sort().join(', ');
      return c(
        unknown ? 'D-REFERENCE-TYPO' : 'D-REFERENCE-CHANGED',
        unknown ? 'breaking' : 'behavioural',
        unknown
          ? `\`${tVar}\` is not something your connection stores (it stores: ${stored || 'nothing'}); it evaluates to nothing. The reference reads \`${near}\`.`
          : `Reads \`${tVar}\` where the reference reads \`${near}\`.`,
        `Write \`${near}\` instead of \`${tVar}\`.`,
      );
    }
  }
  return undefined;
}

const UNIT_MS: Record<string, number> = {
  Milliseconds: 1,
  Seconds: 1e3,
  Minutes: 6e4,
  Hours: 36e5,
  Days: 864e5,
};
function unitFactor(ref: string, theirs: string): number | undefined {
  const a = ownValue(UNIT_MS, ref);
  const b = ownValue(UNIT_MS, theirs);
  return a && b ? b / a : undefined;
}

export function mentionsRequiredParam(v: unknown, required: Set<string>): boolean {
  if (typeof v !== 'string') return false;
  return imlReferences(v).variables.some((p) => p.startsWith('parameters.') && required.has(p.split('.')[1]));
}
