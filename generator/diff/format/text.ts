import type { BehaviourStep, Change, DiffReport } from '../types.ts';
import { groupByComponent, where } from './group.ts';

const MARK = {
  breaking: '✗ breaking   ',
  behavioural: '! behavioural',
  cosmetic: '~ cosmetic   ',
  equivalent: '= equivalent ',
} as const;
const DIFFS_PER_STEP = 8;

/**
 * Terminal report: verdict, matches, changes per component (equivalent ones summed up in one
 * line), behaviour per scenario (only differing steps in detail), grade and fixes.
 */
export function formatText(r: DiffReport): string {
  const out = [...headerLines(r), ...changeLines(r), ...behaviourLines(r), ...gradeLines(r), ...noteLines(r)];
  return `${out.join('\n')}\n`;
}

/** What was compared, the verdict with the count per class, and components paired by what they do. */
function headerLines(r: DiffReport): string[] {
  const c = r.counts;
  const out = [
    `Diff of ${r.theirs.root} against ${r.reference.root}`,
    `Verdict: ${r.verdict.toUpperCase()} — ${c.breaking} breaking, ${c.behavioural} behavioural, ${c.cosmetic} cosmetic, ${c.equivalent} equivalent`,
  ];
  const renamed = r.matches.filter((m) => m.by === 'behaviour');
  if (renamed.length) {
    out.push('', 'Matched by what they do:');
    for (const m of renamed)
      out.push(`  ${m.kind} ${m.theirs} ↔ ${m.reference} (${m.reason}; similarity ${m.similarity})`);
  }
  return out;
}

/** Changes per component, each in detail, except equivalent ones: those are named together in one line. */
function changeLines(r: DiffReport): string[] {
  const out: string[] = [];
  const equivalent: string[] = [];
  for (const g of groupByComponent(r.changes)) {
    const shown = g.changes.filter((ch) => ch.class !== 'equivalent');
    for (const ch of g.changes)
      if (ch.class === 'equivalent')
        equivalent.push(ch.section === g.component ? g.component : `${g.component} ${ch.section}`);
    if (shown.length === 0) continue;
    out.push('', g.theirs ? `${g.component}  (yours: ${g.theirs})` : g.component);
    for (const ch of shown) out.push(...changeDetail(ch));
  }
  if (equivalent.length) {
    out.push(
      '',
      `${MARK.equivalent}  D-WRITTEN-DIFFERENTLY  written differently, same meaning: ${equivalent.join(', ')}`,
    );
  }
  return out;
}

function changeDetail(ch: Change): string[] {
  const out = [
    `  ${MARK[ch.class]}  ${ch.code}  ${[ch.section, ch.path].filter(Boolean).join(' ')}`,
    `      ${ch.message}`,
    `      reference ${where(ch.reference.location)}   yours ${where(ch.theirs.location)}`,
  ];
  if (ch.fix)
    out.push(`      fix: ${ch.fix}${ch.ruleIds?.length ? `  [lint: ${ch.ruleIds.join(', ')}]` : ''}`);
  return out;
}

/** Steps passed per scenario, and each failing step with its first differences. */
function behaviourLines(r: DiffReport): string[] {
  const out = ['', 'Behaviour:'];
  const b = r.behaviour;
  if (!b.ran) return [...out, `  not run: ${b.note ?? 'no scenarios'}`];
  if (b.note)
    out.push(`  ${b.note}; the reference ran twice (two seeds, two clocks) and what varied is ignored`);
  for (const scenario of b.scenarios) {
    const steps = b.steps.filter((s) => s.scenario === scenario);
    out.push(`  ${scenario}: ${steps.filter((s) => s.pass).length}/${steps.length} steps same`);
    for (const s of steps.filter((x) => !x.pass)) out.push(...failedStep(s));
  }
  out.push(
    `  ${b.equivalent ? 'same requests and outputs as the reference' : 'requests or outputs differ from the reference'}`,
  );
  return out;
}

/** A step that failed because an earlier one did is one line; others list up to DIFFS_PER_STEP differences. */
function failedStep(s: BehaviourStep): string[] {
  if (s.followsFrom !== undefined)
    return [
      `    FAIL #${s.index + 1} ${s.title}  — follows from #${s.followsFrom + 1}: ${s.theirs.error ?? ''}`,
    ];
  const out = [`    FAIL #${s.index + 1} ${s.title}  (distance ${s.distance})`];
  for (const d of s.differences.slice(0, DIFFS_PER_STEP)) out.push(`        ${d.path}: ${d.message}`);
  if (s.differences.length > DIFFS_PER_STEP)
    out.push(`        … ${s.differences.length - DIFFS_PER_STEP} more`);
  return out;
}

function gradeLines(r: DiffReport): string[] {
  const g = r.grade;
  const out = [
    '',
    `Grade: ${g.score}/100 (${g.components.filter((x) => x.pass).length}/${g.components.length} components pass, ${g.steps.filter((x) => x.pass).length}/${g.steps.length} steps pass)`,
  ];
  if (g.fixes.length) {
    out.push('Fixes:');
    for (const [i, f] of g.fixes.entries()) {
      const rule = f.ruleId ? ` (lint ${f.ruleId})` : '';
      out.push(`  ${i + 1}. [${f.component}] ${f.text}${rule}${f.location ? ` — ${where(f.location)}` : ''}`);
    }
  }
  return out;
}

/** Why lint findings may be missing, and what could not be loaded on either side. */
function noteLines(r: DiffReport): string[] {
  const out: string[] = [];
  if (r.lint.note && r.lint.note !== 'not run') out.push(`note: ${r.lint.note}`);
  for (const p of r.loadProblems) out.push(`load problem (${p.side}): ${p.file}:${p.line} ${p.message}`);
  return out;
}
