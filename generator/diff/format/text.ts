import type { DiffReport } from '../types.ts';
import { groupByComponent, where } from './group.ts';

const MARK = {
  breaking: '✗ breaking   ',
  behavioural: '! behavioural',
  cosmetic: '~ cosmetic   ',
  equivalent: '= equivalent ',
} as const;

/** Terminal report: verdict, matches, changes per component, behaviour steps, grade and fixes. */
export function formatText(r: DiffReport): string {
  const out: string[] = [];
  const c = r.counts;
  out.push(`Diff of ${r.theirs.root} against ${r.reference.root}`);
  out.push(
    `Verdict: ${r.verdict.toUpperCase()} — ${c.breaking} breaking, ${c.behavioural} behavioural, ${c.cosmetic} cosmetic, ${c.equivalent} equivalent`,
  );
  const renamed = r.matches.filter((m) => m.by === 'behaviour');
  if (renamed.length) {
    out.push('', 'Matched by what they do:');
    for (const m of renamed)
      out.push(`  ${m.kind} ${m.theirs} ↔ ${m.reference} (${m.reason}; similarity ${m.similarity})`);
  }
  for (const g of groupByComponent(r.changes)) {
    out.push('', g.theirs ? `${g.component}  (yours: ${g.theirs})` : g.component);
    for (const ch of g.changes) {
      const at = [ch.section, ch.path].filter(Boolean).join(' ');
      out.push(`  ${MARK[ch.class]}  ${ch.code}  ${at}`);
      out.push(`      ${ch.message}`);
      if (ch.class !== 'equivalent')
        out.push(`      reference ${where(ch.reference.location)}   yours ${where(ch.theirs.location)}`);
      if (ch.fix)
        out.push(`      fix: ${ch.fix}${ch.ruleIds?.length ? `  [lint: ${ch.ruleIds.join(', ')}]` : ''}`);
    }
  }
  out.push('', 'Behaviour:');
  if (!r.behaviour.ran) out.push(`  not run: ${r.behaviour.note ?? 'no scenarios'}`);
  else {
    if (r.behaviour.note) out.push(`  note: ${r.behaviour.note}`);
    for (const s of r.behaviour.steps) {
      out.push(
        `  ${s.pass ? 'pass' : 'FAIL'}  ${s.scenario} #${s.index + 1} ${s.title}  (distance ${s.distance})`,
      );
      for (const d of s.differences.slice(0, 8)) out.push(`        ${d.path}: ${d.message}`);
      if (s.differences.length > 8) out.push(`        … ${s.differences.length - 8} more`);
    }
    out.push(
      `  ${r.behaviour.equivalent ? 'same requests and outputs as the reference' : 'requests or outputs differ from the reference'}`,
    );
  }
  out.push(
    '',
    `Grade: ${r.grade.score}/100 (${r.grade.components.filter((x) => x.pass).length}/${r.grade.components.length} components pass, ${r.grade.steps.filter((x) => x.pass).length}/${r.grade.steps.length} steps pass)`,
  );
  if (r.grade.fixes.length) {
    out.push('Fixes:');
    r.grade.fixes.forEach((f, i) => {
      const rule = f.ruleId ? ` (lint ${f.ruleId})` : '';
      out.push(`  ${i + 1}. [${f.component}] ${f.text}${rule}${f.location ? ` — ${where(f.location)}` : ''}`);
    });
  }
  if (r.lint.note && r.lint.note !== 'not run') out.push(`note: ${r.lint.note}`);
  for (const p of r.loadProblems) out.push(`load problem (${p.side}): ${p.file}:${p.line} ${p.message}`);
  return `${out.join('\n')}\n`;
}
