import type { AppModel, CodeFile, Component, ComponentKind, GeneralCodeType } from '../model/app.ts';
import { isObject } from '../model/index.ts';
import type { SourceLocation } from '../model/location.ts';
import { componentScopes, requestsPerComponent, requiredParams, storedKeys } from './app-facts.ts';
import { type ClassifyContext, classify } from './classify.ts';
import { diffTrees, type RawDiff, stableJson } from './compare-tree.ts';
import { withFixes } from './default-fix.ts';
import { foldMovedBaseHeaders } from './moved-headers.ts';
import { type NormalComponent, normalizeComponent, normalizeGeneral } from './normalize-component.ts';
import { ownValue } from './own-key.ts';
import { locateIn, type NormalSection } from './tracked.ts';
import type { Change, ComponentMatch } from './types.ts';

const SET_SECTIONS = new Set(['scope', 'defaultScope', 'requiredScope']);
const PARAM_SECTIONS = new Set([
  'staticParams',
  'mappableParams',
  'interface',
  'params',
  'installSpec',
  'inputParameters',
  'outputParameters',
]);
const GENERAL: GeneralCodeType[] = ['base', 'common', 'groups', 'readme'];

/** Compares two apps section by section after normalising both. */
export function diffStructure(reference: AppModel, theirs: AppModel, matches: ComponentMatch[]): Change[] {
  const renames = new Map<string, string>(); // `${kind}:${theirsName}` → reference name
  for (const m of matches)
    if (m.reference && m.theirs && m.reference !== m.theirs)
      renames.set(`${m.kind}:${m.theirs}`, m.reference);
  const renameComponent = (kind: string, name: string) => renames.get(`${kind}:${name}`) ?? name;
  const rename = (s: string) =>
    s.includes('rpc://')
      ? s.replace(/rpc:\/\/([A-Za-z0-9]+)/g, (_m, n: string) => `rpc://${renameComponent('rpc', n)}`)
      : s;
  const same = (s: string) => s;

  const ctxBase = {
    refStored: storedKeys(reference),
    theirsStored: storedKeys(theirs),
    theirsComponentScopes: componentScopes(theirs),
  };
  const changes: Change[] = [];

  for (const type of GENERAL) {
    const bad = theirs.general[type];
    if (bad && bad.value === undefined) {
      changes.push(unreadable(theirs, bad, type, type, undefined, reference.general[type]?.locate('')));
      continue;
    }
    const r = normalizeGeneral(reference, type, same);
    const t = normalizeGeneral(theirs, type, rename);
    if (!r && !t) continue;
    changes.push(
      ...compareComponents(
        r,
        t,
        { ...ctxBase, kind: 'general', component: type, refRequired: new Set() },
        undefined,
        undefined,
        {
          ref: reference.general[type]?.value,
          theirs: theirs.general[type]?.value,
        },
      ),
    );
  }

  for (const m of matches) {
    const kind = m.kind as ComponentKind;
    const rc = m.reference ? ownValue(reference.components[kind], m.reference) : undefined;
    const tc = m.theirs ? ownValue(theirs.components[kind], m.theirs) : undefined;
    const refId = `${kind}s.${m.reference ?? m.theirs}`;
    const theirsId = m.theirs && m.theirs !== m.reference ? `${kind}s.${m.theirs}` : undefined;
    if (rc && !tc) {
      changes.push(
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
      );
      continue;
    }
    if (!rc && tc) {
      changes.push(
        componentPresence(
          'D-COMPONENT-EXTRA',
          'cosmetic',
          refId,
          undefined,
          undefined,
          tc,
          `Your ${kind} \`${tc.name}\` has no counterpart in the reference (${describe(tc)}).`,
        ),
      );
      continue;
    }
    if (!rc || !tc) continue;
    if (m.by === 'behaviour') {
      changes.push({
        ...componentPresence(
          'D-COMPONENT-RENAMED',
          'cosmetic',
          refId,
          theirsId,
          rc,
          tc,
          `Your ${kind} \`${tc.name}\` is the reference's \`${rc.name}\` under another name (matched by what it does: ${m.reason}; similarity ${m.similarity}).`,
          `Rename \`${tc.name}\` to \`${rc.name}\` if you want the names to agree.`,
        ),
      });
    }
    const r = normalizeComponent(reference, rc, same);
    const t = normalizeComponent(theirs, tc, rename, renameComponent);
    // A file that did not parse is one change naming the syntax error, not a cascade of "missing".
    for (const [type, code] of Object.entries(tc.codes)) {
      if (!code || code.value !== undefined) continue;
      changes.push(
        unreadable(theirs, code, refId, type, theirsId, rc.codes[type as keyof typeof rc.codes]?.locate('')),
      );
      delete r.sections[type];
    }
    const refRequired = requiredParams(rc);
    const raws: Record<string, { ref: unknown; theirs: unknown }> = {};
    for (const [type, code] of Object.entries(rc.codes)) raws[type] = { ref: code?.value, theirs: undefined };
    for (const [type, code] of Object.entries(tc.codes))
      raws[type] = { ref: raws[type]?.ref, theirs: code?.value };
    changes.push(
      ...compareComponents(
        r,
        t,
        { ...ctxBase, kind, component: refId, refRequired },
        theirsId,
        raws,
        undefined,
      ),
    );
  }
  return withFixes(foldMovedBaseHeaders(changes, requestsPerComponent(theirs, matches)));
}

function compareComponents(
  r: NormalComponent | undefined,
  t: NormalComponent | undefined,
  ctx: Omit<ClassifyContext, 'section'>,
  theirsId: string | undefined,
  raws: Record<string, { ref: unknown; theirs: unknown }> | undefined,
  generalRaw: { ref: unknown; theirs: unknown } | undefined,
): Change[] {
  const out: Change[] = [];
  const sections = [...new Set([...Object.keys(r?.sections ?? {}), ...Object.keys(t?.sections ?? {})])].sort(
    sectionOrder,
  );
  const rFallback = r?.sections.meta?.fallback;
  const tFallback = t?.sections.meta?.fallback;
  for (const section of sections) {
    // Sections written as `{}`/`[]` still give a location, but compare like absent ones.
    const rAny = r?.sections[section];
    const tAny = t?.sections[section];
    const rs = rAny && !rAny.empty ? rAny : undefined;
    const ts = tAny && !tAny.empty ? tAny : undefined;
    if (!rs && !ts) continue;
    const rv = rs?.value ?? emptyOf(section, ts?.value);
    const tv = ts?.value ?? emptyOf(section, rs?.value);
    const asSet = (p: (string | number)[]) =>
      (SET_SECTIONS.has(section) && p.length === 0) ||
      (p.length >= 2 &&
        p[p.length - 1] === 'scope' &&
        (p[p.length - 2] === 'qs' || p[p.length - 2] === 'body'));
    let diffs: RawDiff[];
    if (rv === undefined || tv === undefined) {
      diffs = [
        {
          path: [],
          ref: rs ? { present: true, value: rs.value } : { present: false },
          theirs: ts ? { present: true, value: ts.value } : { present: false },
        },
      ];
    } else diffs = diffTrees(rv, tv, asSet);
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
    if (diffs.length === 0 && rs && ts) {
      const raw = raws?.[section] ?? generalRaw;
      if (
        raw &&
        raw.ref !== undefined &&
        raw.theirs !== undefined &&
        stableJson(raw.ref) !== stableJson(raw.theirs)
      ) {
        out.push({
          code: 'D-WRITTEN-DIFFERENTLY',
          class: 'equivalent',
          component: ctx.component,
          ...(theirsId ? { theirsComponent: theirsId } : {}),
          section,
          path: '',
          message: `\`${section}\` is written differently (spacing inside {{ }}, defaults spelled out or left out, key order, single request vs list) but means the same.`,
          reference: side(true, undefined, locateIn(rs, [])),
          theirs: side(true, undefined, locateIn(ts, [])),
        });
      }
    }
  }
  return out;
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

/** A missing parameter list or scope list compares like an empty one, so each missing item is reported. */
function emptyOf(section: string, other: unknown): unknown {
  if (other === undefined) return undefined;
  if (SET_SECTIONS.has(section)) return [];
  if (PARAM_SECTIONS.has(section) && isObject(other) && 'fields' in other) return { fields: {}, order: [] };
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

function side(present: boolean, value: unknown, location: SourceLocation | undefined) {
  return { present, ...(present && value !== undefined ? { value } : {}), ...(location ? { location } : {}) };
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
