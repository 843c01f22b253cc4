import { isCodeTypeIn, isObject, PARAMETER_LIST_CODE_TYPES, SCOPE_LIST_CODE_TYPES } from '../model/index.ts';
import type { SourceLocation } from '../model/location.ts';
import { type ClassifyContext, classify } from './classify.ts';
import { diffTrees, type RawDiff, stableJson } from './compare-tree.ts';
import type { NormalComponent } from './normalize-component.ts';
import { locateIn, type NormalSection, type Path } from './tracked.ts';
import type { Change } from './types.ts';

/** A code file's value as written on each side, before normalising. */
export interface RawPair {
  ref: unknown;
  theirs: unknown;
}

/**
 * Two normalised components compared section by section (in a fixed section order): one
 * classified change per smallest differing place, and one equivalent change for a section that
 * normalises the same but is written differently (`raws` per section, or `generalRaw` for a
 * general code file).
 */
export function compareComponents(
  r: NormalComponent | undefined,
  t: NormalComponent | undefined,
  ctx: Omit<ClassifyContext, 'section'>,
  theirsId: string | undefined,
  raws: Record<string, RawPair> | undefined,
  generalRaw: RawPair | undefined,
): Change[] {
  const out: Change[] = [];
  const rFallback = r?.sections.meta?.fallback;
  const tFallback = t?.sections.meta?.fallback;
  for (const section of sectionNames(r, t)) {
    // Sections written as `{}`/`[]` still give a location, but compare like absent ones.
    const rAny = r?.sections[section];
    const tAny = t?.sections[section];
    const rs = rAny && !rAny.empty ? rAny : undefined;
    const ts = tAny && !tAny.empty ? tAny : undefined;
    if (!rs && !ts) continue;
    const diffs = sectionDiffs(section, rs, ts);
    for (const d of diffs) {
      const cl = classify(d, { ...ctx, section });
      out.push({
        code: cl.code,
        class: cl.class,
        component: ctx.component,
        ...(theirsId ? { theirsComponent: theirsId } : {}),
        section,
        path: d.path.join('.'),
        message: cl.message,
        ...(cl.fix ? { fix: cl.fix } : {}),
        reference: side(d.ref.present, d.ref.value, locateIn(rAny, d.path) ?? rFallback),
        theirs: side(d.theirs.present, d.theirs.value, locateIn(tAny, d.path) ?? tFallback),
      });
    }
    if (diffs.length === 0 && rs && ts && writtenDifferently(raws?.[section] ?? generalRaw))
      out.push(sameMeaning(section, rs, ts, ctx.component, theirsId));
  }
  return out;
}

/** The sections either side has, in ORDER. */
function sectionNames(r: NormalComponent | undefined, t: NormalComponent | undefined): string[] {
  return [...new Set([...Object.keys(r?.sections ?? {}), ...Object.keys(t?.sections ?? {})])].sort(
    sectionOrder,
  );
}

/** The smallest differing places of one section; a section only one side has differs as a whole. */
function sectionDiffs(
  section: string,
  rs: NormalSection | undefined,
  ts: NormalSection | undefined,
): RawDiff[] {
  const rv = rs?.value ?? emptyOf(section, ts?.value);
  const tv = ts?.value ?? emptyOf(section, rs?.value);
  if (rv === undefined || tv === undefined)
    return [
      {
        path: [],
        ref: rs ? { present: true, value: rs.value } : { present: false },
        theirs: ts ? { present: true, value: ts.value } : { present: false },
      },
    ];
  return diffTrees(rv, tv, (p) => comparedAsSet(section, p));
}

/** Scope lists compare as sets: a whole scope section, or a `scope` in a request's `qs` or `body`. */
function comparedAsSet(section: string, p: Path): boolean {
  return (
    (isCodeTypeIn(SCOPE_LIST_CODE_TYPES, section) && p.length === 0) ||
    (p.length >= 2 && p[p.length - 1] === 'scope' && (p[p.length - 2] === 'qs' || p[p.length - 2] === 'body'))
  );
}

/** Both sides wrote the file, and not to the letter the same (key order aside). */
function writtenDifferently(raw: RawPair | undefined): boolean {
  return (
    raw !== undefined &&
    raw.ref !== undefined &&
    raw.theirs !== undefined &&
    stableJson(raw.ref) !== stableJson(raw.theirs)
  );
}

function sameMeaning(
  section: string,
  rs: NormalSection,
  ts: NormalSection,
  component: string,
  theirsId: string | undefined,
): Change {
  return {
    code: 'D-WRITTEN-DIFFERENTLY',
    class: 'equivalent',
    component,
    ...(theirsId ? { theirsComponent: theirsId } : {}),
    section,
    path: '',
    message: `\`${section}\` is written differently (spacing inside {{ }}, defaults spelled out or left out, key order, single request vs list) but means the same.`,
    reference: side(true, undefined, locateIn(rs, [])),
    theirs: side(true, undefined, locateIn(ts, [])),
  };
}

/** A missing parameter list or scope list compares like an empty one, so each missing item is reported. */
function emptyOf(section: string, other: unknown): unknown {
  if (other === undefined) return undefined;
  if (isCodeTypeIn(SCOPE_LIST_CODE_TYPES, section)) return [];
  if (isCodeTypeIn(PARAMETER_LIST_CODE_TYPES, section) && isObject(other) && 'fields' in other)
    return { fields: {}, order: [] };
  if (section === 'scopeList') return {};
  return undefined;
}

const ORDER = [
  'meta',
  'base',
  'communication',
  'epoch',
  'attach',
  'detach',
  'update',
  'staticParams',
  'mappableParams',
  'params',
  'interface',
  'samples',
  'scope',
  'scopeList',
  'defaultScope',
  'requiredScope',
];
function sectionOrder(a: string, b: string): number {
  const ia = ORDER.indexOf(a);
  const ib = ORDER.indexOf(b);
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
}

/** One side of a change: whether it is there, its value, and where it was written. */
export function side(present: boolean, value: unknown, location: SourceLocation | undefined) {
  return { present, ...(present && value !== undefined ? { value } : {}), ...(location ? { location } : {}) };
}
