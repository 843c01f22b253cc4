import type { AppModel, CodeFile, Component, ComponentKind, GeneralCodeType } from '../model/app.ts';
import { componentId, GENERAL_CODE_TYPES, isObject } from '../model/index.ts';
import type { SourceLocation } from '../model/location.ts';
import { componentScopes, requestsPerComponent, requiredParams, storedKeys } from './app-facts.ts';
import type { ClassifyContext } from './classify.ts';
import { compareComponents, type RawPair, side } from './compare-components.ts';
import { withFixes } from './default-fix.ts';
import { foldMovedBaseHeaders } from './moved-headers.ts';
import { normalizeComponent, normalizeGeneral } from './normalize-component.ts';
import { ownValue } from './own-key.ts';
import type { NormalSection } from './tracked.ts';
import type { Change, ComponentMatch } from './types.ts';

/** General code types in the order changes are listed (alphabetical). */
const GENERAL: GeneralCodeType[] = [...GENERAL_CODE_TYPES].sort();

/** What the classifier needs to know of the two whole apps. */
type AppContext = Pick<ClassifyContext, 'refStored' | 'theirsStored' | 'theirsComponentScopes'>;

/** The reference's names for the student's components that were matched under another name. */
interface Renames {
  component: (kind: string, name: string) => string;
  /** The same inside a string: `rpc://theirs` → `rpc://ref`. */
  inString: (s: string) => string;
}

/** The reference's names stay as they are. */
const same = (s: string) => s;

/** Compares two apps section by section after normalising both. */
export function diffStructure(reference: AppModel, theirs: AppModel, matches: ComponentMatch[]): Change[] {
  const renames = renamesOf(matches);
  const ctx: AppContext = {
    refStored: storedKeys(reference),
    theirsStored: storedKeys(theirs),
    theirsComponentScopes: componentScopes(theirs),
  };
  const changes = [
    ...diffGeneral(reference, theirs, ctx, renames),
    ...matches.flatMap((m) => diffMatch(reference, theirs, m, ctx, renames)),
  ];
  return withFixes(foldMovedBaseHeaders(changes, requestsPerComponent(theirs, matches)));
}

function renamesOf(matches: ComponentMatch[]): Renames {
  const byTheirs = new Map<string, string>(); // `${kind}:${theirsName}` → reference name
  for (const m of matches)
    if (m.reference && m.theirs && m.reference !== m.theirs)
      byTheirs.set(`${m.kind}:${m.theirs}`, m.reference);
  const component = (kind: string, name: string) => byTheirs.get(`${kind}:${name}`) ?? name;
  const inString = (s: string) =>
    s.includes('rpc://')
      ? s.replace(/rpc:\/\/([A-Za-z0-9]+)/g, (_m, n: string) => `rpc://${component('rpc', n)}`)
      : s;
  return { component, inString };
}

/** The general code files (base, common, groups, readme), each compared like a component. */
function diffGeneral(reference: AppModel, theirs: AppModel, ctx: AppContext, renames: Renames): Change[] {
  const changes: Change[] = [];
  for (const type of GENERAL) {
    const bad = theirs.general[type];
    if (bad && bad.value === undefined) {
      changes.push(unreadable(theirs, bad, type, type, undefined, reference.general[type]?.locate('')));
      continue;
    }
    const r = normalizeGeneral(reference, type, same);
    const t = normalizeGeneral(theirs, type, renames.inString);
    if (!r && !t) continue;
    const raw = { ref: reference.general[type]?.value, theirs: theirs.general[type]?.value };
    const generalCtx = { ...ctx, kind: 'general', component: type, refRequired: new Set<string>() };
    changes.push(...compareComponents(r, t, generalCtx, undefined, undefined, raw));
  }
  return changes;
}

/** One pair of matched components, or a component only one of the apps has. */
function diffMatch(
  reference: AppModel,
  theirs: AppModel,
  m: ComponentMatch,
  ctx: AppContext,
  renames: Renames,
): Change[] {
  const kind = m.kind as ComponentKind;
  const rc = m.reference ? ownValue(reference.components[kind], m.reference) : undefined;
  const tc = m.theirs ? ownValue(theirs.components[kind], m.theirs) : undefined;
  const refId = componentId({ kind, name: m.reference ?? m.theirs! });
  const theirsId = m.theirs && m.theirs !== m.reference ? componentId({ kind, name: m.theirs }) : undefined;
  if (!rc || !tc) return oneSided(kind, refId, rc, tc);
  const changes: Change[] = m.by === 'behaviour' ? [renamed(m, refId, theirsId, rc, tc)] : [];
  const r = normalizeComponent(reference, rc, same);
  const t = normalizeComponent(theirs, tc, renames.inString, renames.component);
  // A file that did not parse is one change naming the syntax error, not a cascade of "missing".
  for (const [type, code] of Object.entries(tc.codes)) {
    if (!code || code.value !== undefined) continue;
    changes.push(
      unreadable(theirs, code, refId, type, theirsId, rc.codes[type as keyof typeof rc.codes]?.locate('')),
    );
    delete r.sections[type];
  }
  const componentCtx = { ...ctx, kind, component: refId, refRequired: requiredParams(rc) };
  changes.push(...compareComponents(r, t, componentCtx, theirsId, rawCodes(rc, tc), undefined));
  return changes;
}

/** Each code file's value as written on both sides, to tell "written differently" from "the same". */
function rawCodes(rc: Component, tc: Component): Record<string, RawPair> {
  const raws: Record<string, RawPair> = {};
  for (const [type, code] of Object.entries(rc.codes)) raws[type] = { ref: code?.value, theirs: undefined };
  for (const [type, code] of Object.entries(tc.codes))
    raws[type] = { ref: raws[type]?.ref, theirs: code?.value };
  return raws;
}

/** A component only one app has: missing from the student's, or extra in it (none when neither has it). */
function oneSided(
  kind: ComponentKind,
  refId: string,
  rc: Component | undefined,
  tc: Component | undefined,
): Change[] {
  if (rc && !tc)
    return [
      componentPresence(
        'D-COMPONENT-MISSING',
        'breaking',
        refId,
        undefined,
        rc,
        undefined,
        `The ${kind} \`${rc.name}\` is missing from your app, and none of yours does the same (${describe(rc)}).`,
        `Add the ${kind} \`${rc.name}\`.`,
      ),
    ];
  if (!rc && tc)
    return [
      componentPresence(
        'D-COMPONENT-EXTRA',
        'cosmetic',
        refId,
        undefined,
        undefined,
        tc,
        `Your ${kind} \`${tc.name}\` has no counterpart in the reference (${describe(tc)}).`,
      ),
    ];
  return [];
}

/** A component matched by what it does, under another name than the reference's. */
function renamed(
  m: ComponentMatch,
  refId: string,
  theirsId: string | undefined,
  rc: Component,
  tc: Component,
): Change {
  return componentPresence(
    'D-COMPONENT-RENAMED',
    'cosmetic',
    refId,
    theirsId,
    rc,
    tc,
    `Your ${m.kind} \`${tc.name}\` is the reference's \`${rc.name}\` under another name (matched by what it does: ${m.reason}; similarity ${m.similarity}).`,
    `Rename \`${tc.name}\` to \`${rc.name}\` if you want the names to agree.`,
  );
}

function unreadable(
  theirs: AppModel,
  code: CodeFile,
  component: string,
  section: string,
  theirsComponent: string | undefined,
  refLocation: SourceLocation | undefined,
): Change {
  const d = theirs.diagnostics.find((x) => x.file === code.file && x.severity === 'error');
  const why = d ? `: ${d.message.replace(/\.$/, '')}` : '';
  return {
    code: 'D-SECTION-UNREADABLE',
    class: 'breaking',
    component,
    ...(theirsComponent ? { theirsComponent } : {}),
    section,
    path: '',
    message: `Your \`${section}\` file ${code.file} could not be read${why}. Make cannot load it either; nothing in it was compared.`,
    fix: `Fix the syntax of ${code.file}${d ? ` at line ${d.line}, column ${d.column}` : ''}.`,
    reference: side(true, undefined, refLocation),
    theirs: side(
      true,
      undefined,
      d ? { file: d.file, line: d.line, column: d.column, pointer: d.pointer } : code.locate(''),
    ),
  };
}

function componentPresence(
  code: string,
  cls: Change['class'],
  component: string,
  theirsComponent: string | undefined,
  rc: Component | undefined,
  tc: Component | undefined,
  message: string,
  fix?: string,
): Change {
  return {
    code,
    class: cls,
    component,
    ...(theirsComponent ? { theirsComponent } : {}),
    section: 'meta',
    path: '',
    message,
    ...(fix ? { fix } : {}),
    reference: side(!!rc, undefined, rc?.declaredAt),
    theirs: side(!!tc, undefined, tc?.declaredAt),
  };
}

function describe(c: Component): string {
  const comm = c.codes.communication?.value;
  const req = (Array.isArray(comm) ? comm[comm.length - 1] : comm) as Record<string, unknown> | undefined;
  if (isObject(req) && typeof req.url === 'string')
    return `${String(req.method ?? 'GET').toUpperCase()} ${req.url}`;
  return c.moduleType ?? c.connectionType ?? c.webhookType ?? c.kind;
}

export type { NormalSection };
