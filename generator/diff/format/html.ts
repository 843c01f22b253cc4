import { escapeMarkup as esc } from '../../model/index.ts';
import {
  type BehaviourStep,
  CHANGE_CLASSES,
  type Change,
  type ChangeSide,
  type DiffReport,
  type StepRequestView,
} from '../types.ts';
import { groupByComponent, where } from './group.ts';

/**
 * One self-contained HTML page: inline CSS and JS, no network. Reference on the left, the
 * student's app on the right; one collapsible block per component and per scenario step; every
 * change is one `.change` element (tests count them).
 */
export function formatHtml(r: DiffReport): string {
  const c = r.counts;
  const groups = groupByComponent(r.changes);
  const body = [
    `<header><h1>App diff</h1><p class="paths"><span>reference: <code>${esc(r.reference.root)}</code></span> <span>yours: <code>${esc(r.theirs.root)}</code></span></p>`,
    `<p class="verdict v-${r.verdict}" id="verdict">${esc(r.verdict)}</p>`,
    `<p class="counts">${CHANGE_CLASSES.map(
      (k) =>
        `<label><input type="checkbox" class="filter" value="${k}" checked> <span class="badge c-${k}">${c[k]} ${k}</span></label>`,
    ).join(' ')}</p></header>`,
    gradeHtml(r),
    matchesHtml(r),
    `<section id="changes"><h2>Structure</h2>`,
    groups.length === 0 ? '<p>No structural differences.</p>' : '',
    ...groups.map(
      (g) =>
        `<details class="component" open><summary><code>${esc(g.component)}</code>${g.theirs ? ` ↔ yours <code>${esc(g.theirs)}</code>` : ''} <span class="n">${g.changes.length}</span></summary>${g.changes.map(changeHtml).join('')}</details>`,
    ),
    '</section>',
    behaviourHtml(r),
  ].join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>App diff — ${esc(r.verdict)}</title>
<style>${CSS}</style></head>
<body>
${body}
<script>${JS}</script>
</body></html>
`;
}

function matchesHtml(r: DiffReport): string {
  const rows = r.matches
    .filter((m) => m.by === 'behaviour' || !m.reference || !m.theirs)
    .map(
      (m) =>
        `<tr><td>${esc(m.kind)}</td><td><code>${esc(m.reference ?? '—')}</code></td><td><code>${esc(m.theirs ?? '—')}</code></td><td>${esc(m.by ? `${m.by}${m.reason ? `: ${m.reason}` : ''}` : 'unmatched')}</td></tr>`,
    );
  if (rows.length === 0) return '';
  return `<section id="matches"><h2>Component matches</h2><table><thead><tr><th>kind</th><th>reference</th><th>yours</th><th>how</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function changeHtml(ch: Change): string {
  return `<div class="change c-${ch.class}" data-class="${ch.class}" data-code="${esc(ch.code)}">
<div class="head"><span class="badge c-${ch.class}">${ch.class}</span> <code class="code">${esc(ch.code)}</code> <span class="where">${esc([ch.section, ch.path].filter(Boolean).join(' › '))}</span></div>
<p class="msg">${markdown(ch.message)}</p>
<div class="sides">${sideHtml('reference', ch.reference)}${sideHtml('yours', ch.theirs)}</div>
${ch.fix ? `<p class="fix">Fix: ${markdown(ch.fix)}${ch.ruleIds?.length ? ` <span class="rule">lint: ${esc(ch.ruleIds.join(', '))}</span>` : ''}</p>` : ''}
</div>`;
}

function sideHtml(label: string, s: ChangeSide): string {
  const value = !s.present
    ? '<em>absent</em>'
    : s.value === undefined
      ? '<em>(section)</em>'
      : `<pre>${esc(pretty(s.value))}</pre>`;
  return `<div class="side"><div class="loc">${label}: <code>${esc(where(s.location))}</code></div>${value}</div>`;
}

function behaviourHtml(r: DiffReport): string {
  const b = r.behaviour;
  if (!b.ran)
    return `<section id="behaviour"><h2>Behaviour</h2><p>Not run: ${esc(b.note ?? 'no scenarios')}</p></section>`;
  const scenarios = b.scenarios.map((name) => {
    const steps = b.steps.filter((st) => st.scenario === name);
    const same = steps.filter((st) => st.pass).length;
    return `<details class="scenario"${same < steps.length ? ' open' : ''}><summary>${same === steps.length ? '✓' : '✗'} ${esc(name)} <span class="n">${same}/${steps.length} steps same</span></summary>${steps.map(stepHtml).join('')}</details>`;
  });
  const note = b.note
    ? `<p>${esc(b.note)}; the reference ran twice (two seeds, two clocks) and what varied between those runs is ignored.</p>`
    : '';
  return `<section id="behaviour"><h2>Behaviour</h2>${note}${DISTANCE_HELP}<p>${b.equivalent ? 'Same requests and outputs as the reference.' : 'Requests or outputs differ from the reference.'}</p>${scenarios.join('')}</section>`;
}

function stepHtml(s: BehaviourStep): string {
  const diffs = foldDifferences(s.differences)
    .map(
      (d) =>
        `<li class="step-diff"><code>${esc(d.path)}</code>: ${esc(d.message)}${d.count > 1 ? ` <span class="n">×${d.count}</span>` : ''}</li>`,
    )
    .join('');
  const follows =
    s.followsFrom !== undefined
      ? `<p class="masked">follows from step #${s.followsFrom + 1}: ${esc(s.theirs.error ?? '')}</p>`
      : '';
  return `<details class="step ${s.pass ? 'pass' : 'fail'}"${s.pass || follows ? '' : ' open'}><summary>${s.pass ? '✓' : '✗'} ${esc(s.scenario)} #${s.index + 1} ${esc(s.title)} <span class="n">distance ${s.distance}</span></summary>${follows}
${diffs ? `<ul>${diffs}</ul>` : ''}
<div class="sides"><div class="side"><div class="loc">reference</div>${requestsHtml(s.reference)}</div><div class="side"><div class="loc">yours</div>${requestsHtml(s.theirs)}</div></div>
${s.masked.length ? `<p class="masked">masked as noise: ${esc(s.masked.join(', '))}</p>` : ''}</details>`;
}

function requestsHtml(side: { requests: StepRequestView[]; output?: unknown; error?: string }): string {
  const reqs = side.requests
    .map(
      (q) => `<pre>${esc(`${q.method} ${q.url}${q.body !== undefined ? `\n${pretty(q.body)}` : ''}`)}</pre>`,
    )
    .join('');
  const out = side.error
    ? `<p class="err">error: ${esc(side.error)}</p>`
    : side.output !== undefined
      ? `<pre class="out">${esc(pretty(side.output))}</pre>`
      : '';
  return reqs + out;
}

function gradeHtml(r: DiffReport): string {
  const g = r.grade;
  const rows = g.components
    .map(
      (c) =>
        `<tr class="${c.pass ? 'pass' : 'fail'}"><td><code>${esc(c.component)}</code></td><td>${c.pass ? 'pass' : 'fail'}</td><td>${c.distance}</td><td>${c.counts.breaking}/${c.counts.behavioural}/${c.counts.cosmetic}</td><td>${c.steps.passed}/${c.steps.total}</td></tr>`,
    )
    .join('');
  const fixes = g.fixes
    .map(
      (f) =>
        `<li><code>${esc(f.component)}</code> ${esc(f.text)}${f.ruleId ? ` <span class="rule">lint: ${esc(f.ruleId)}</span>` : ''}${f.location ? ` <code>${esc(where(f.location))}</code>` : ''}</li>`,
    )
    .join('');
  const c = r.counts;
  const verdict = g.passed ? `passes the mark of ${g.passMark}` : `below the mark of ${g.passMark}`;
  const cap = g.cappedBy
    ? ` The grade is capped: ${g.cappedBy === 'breaking' ? 'a breaking difference' : g.cappedBy === 'behavioural' ? 'a behavioural difference' : 'differences the scenarios did not confirm'} keeps it at ${g.score} or below.`
    : '';
  return `<section id="grade"><h2>Grade: <span id="score">${g.score}</span>/100</h2>
<p id="summary">${esc(verdict)}: ${c.breaking} breaking, ${c.behavioural} behavioural, ${c.cosmetic} cosmetic difference${c.cosmetic === 1 ? '' : 's'}; ${g.steps.filter((x) => x.pass).length} of ${g.steps.length} scenario steps behave like the reference.${esc(cap)}</p>
${DISTANCE_HELP}<details><summary>Per component</summary><table><thead><tr><th>component</th><th>result</th><th>distance</th><th>breaking/behavioural/cosmetic</th><th>steps same</th></tr></thead><tbody>${rows}</tbody></table></details>
${fixes ? `<h3>Fixes</h3><ol id="fixes">${fixes}</ol>` : ''}</section>`;
}

const DISTANCE_HELP =
  '<p class="help"><strong>distance</strong>: how far from the reference, 0 = the same. For a scenario step, the share of compared values (requests, answers, output) that differ once noise is masked, 0 to 1; for a component, the rubric weights of its differences (breaking 1, behavioural 0.5) plus its failing steps\' distances.</p>';

/** Differences that repeat with the same message at another index (`requests[0]`, `requests[3]`...) as one line with a count. */
function foldDifferences(
  list: BehaviourStep['differences'],
): { path: string; message: string; count: number }[] {
  const out = new Map<string, { path: string; message: string; count: number }>();
  for (const d of list) {
    const key = `${d.path.replace(/\[\d+\]/g, '[*]')}\u0000${d.message}`;
    const seen = out.get(key);
    if (seen) {
      seen.count++;
      seen.path = d.path.replace(/\[\d+\]/g, '[*]');
    } else out.set(key, { path: d.path, message: d.message, count: 1 });
  }
  return [...out.values()];
}

/** The Markdown messages use: `code` and **bold**, on escaped text. */
function markdown(s: string): string {
  return esc(s)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
}

function pretty(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v, null, 2);
}

const CSS = `
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:1rem;color:#1d1d1f;background:#fafafa}
h1{margin:.2rem 0}h2{border-bottom:1px solid #ddd;padding-bottom:.2rem}
code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px}
pre{white-space:pre-wrap;word-break:break-word;background:#fff;border:1px solid #e3e3e3;padding:.4rem;margin:.2rem 0;border-radius:4px}
.verdict{display:inline-block;font-weight:700;text-transform:uppercase;padding:.2rem .6rem;border-radius:4px}
.v-equivalent{background:#d8f5dc}.v-cosmetic{background:#eef}.v-different{background:#ffd9d6}
.badge{padding:.05rem .4rem;border-radius:3px;font-size:12px}
.c-breaking.badge{background:#c62828;color:#fff}.c-behavioural.badge{background:#ef6c00;color:#fff}
.c-cosmetic.badge{background:#5c6bc0;color:#fff}.c-equivalent.badge{background:#2e7d32;color:#fff}
details.component,details.step,details.scenario{background:#fff;border:1px solid #ddd;border-radius:6px;margin:.5rem 0;padding:.3rem .6rem}
summary{cursor:pointer;font-weight:600}.n{color:#777;font-weight:400;margin-left:.5rem}
.change{border-left:4px solid #aaa;margin:.6rem 0;padding:.2rem .6rem}
.change.c-breaking{border-color:#c62828}.change.c-behavioural{border-color:#ef6c00}.change.c-cosmetic{border-color:#5c6bc0}.change.c-equivalent{border-color:#2e7d32}
.change.hidden{display:none}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:.6rem}.loc{color:#555;font-size:12px}
.fix{color:#0d47a1}.rule{color:#6a1b9a;font-size:12px}.masked{color:#777;font-size:12px}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}
tr.fail td{background:#fff3f2}.help{color:#555;font-size:12.5px}.step.fail summary{color:#c62828}.err{color:#c62828}
`;

const JS = `
(function(){
  var boxes=document.querySelectorAll('input.filter');
  function apply(){
    var on={};boxes.forEach(function(b){on[b.value]=b.checked;});
    document.querySelectorAll('.change').forEach(function(el){el.classList.toggle('hidden',!on[el.getAttribute('data-class')]);});
  }
  boxes.forEach(function(b){b.addEventListener('change',apply);});
  apply();
})();
`;
