import { escapeMarkup as esc } from '../../model/index.ts';
import type { ClassReport, StudentRow } from '../types.ts';

/**
 * One self-contained page (inline CSS and JS, a CSP that forbids any request): the class at a
 * glance, then a table of students that sorts by any column and filters by name, result and
 * mistake; each name links to that student's own diff page when one was written.
 */
export function formatHtml(report: ClassReport): string {
  const s = report.summary;
  const rate = s.students ? Math.round((100 * s.passed) / s.students) : 0;
  const maxBand = Math.max(1, ...s.distribution);
  const bands = s.distribution.map((n, i) => {
    const label = i === 10 ? '100' : `${i * 10}–${i * 10 + 9}`;
    return `<div class="band" title="${n} students graded ${label}"><span class="bar" style="height:${Math.round((100 * n) / maxBand)}%"></span><span class="n">${n}</span><span class="l">${label}</span></div>`;
  });
  const mistakes = s.mistakes.map(
    (m) =>
      `<tr><td><button type="button" class="mistake" data-code="${esc(m.code)}"><code>${esc(m.code)}</code></button></td><td><span class="badge c-${m.class}">${m.class}</span></td><td class="num">${m.students}</td><td>${esc(m.summary)}</td></tr>`,
  );
  const codes = [...new Set(report.students.flatMap((st) => st.changes.map((c) => c.code)))].sort();
  const body = `<header><h1>Class report</h1>
<p>Reference <code>${esc(report.reference.root)}</code>${report.reference.assignment ? `, assignment <strong>${esc(report.reference.assignment)}</strong>` : ''}; scenarios: ${esc(report.reference.scenarioSource)}.</p></header>
<section id="glance"><h2>At a glance</h2>
<p class="kpis"><span id="pass-rate"><strong>${rate}%</strong> passed</span> <span><strong>${s.passed}</strong> of ${s.students} at or above ${s.passMark}</span> <span><strong>${s.equivalent}</strong> behave like the reference</span> <span><strong>${s.errors}</strong> could not be graded</span> <span>mean <strong>${s.mean}</strong>, median <strong>${s.median}</strong></span></p>
<div class="dist" aria-label="grade distribution">${bands.join('')}</div>
<h3>Most common mistakes</h3>
${mistakes.length ? `<table id="mistakes"><thead><tr><th>change</th><th>class</th><th>students</th><th>what it is</th></tr></thead><tbody>${mistakes.join('')}</tbody></table>` : '<p>None.</p>'}
</section>
<section id="class"><h2>Students</h2>
<p class="filters"><input id="q" type="search" placeholder="filter by path" aria-label="filter by path">
<select id="result" aria-label="result"><option value="">all results</option><option value="pass">passed</option><option value="fail">failed</option><option value="error">errors</option></select>
<select id="code" aria-label="mistake"><option value="">any mistake</option>${codes.map((c) => `<option value="${esc(c)}">${esc(c)}</option>`).join('')}</select>
<span id="shown">${report.students.length} shown</span></p>
<table id="students"><thead><tr><th data-key="path" data-type="text">student</th><th data-key="grade" data-type="num">grade</th><th data-key="result" data-type="text">result</th><th data-key="breaking" data-type="num">breaking</th><th data-key="behavioural" data-type="num">behavioural</th><th data-key="cosmetic" data-type="num">cosmetic</th><th>first fix</th></tr></thead>
<tbody>${report.students.map(studentRow).join('\n')}</tbody></table></section>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>Class report — ${s.passed}/${s.students} passed</title>
<style>${CSS}</style></head>
<body>
${body}
<script>${JS}</script>
</body></html>
`;
}

function studentRow(st: StudentRow): string {
  const result = st.error ? 'error' : st.passed ? 'pass' : 'fail';
  const name = st.page ? `<a href="${esc(encodeURI(st.page))}">${esc(st.path)}</a>` : esc(st.path);
  const codes = [...new Set(st.changes.map((c) => c.code))].join(' ');
  const first = st.error ? `could not be graded: ${st.error}` : (st.fixes[0] ?? '');
  return `<tr class="r-${result}" data-path="${esc(st.path.toLowerCase())}" data-grade="${st.grade}" data-result="${result}" data-breaking="${st.counts.breaking}" data-behavioural="${st.counts.behavioural}" data-cosmetic="${st.counts.cosmetic}" data-codes="${esc(codes)}"><td>${name}</td><td class="num">${st.grade}</td><td>${result}${st.equivalent ? ' (equivalent)' : ''}</td><td class="num">${st.counts.breaking}</td><td class="num">${st.counts.behavioural}</td><td class="num">${st.counts.cosmetic}</td><td class="fix">${esc(first)}</td></tr>`;
}

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem;color:#222}code{font:12px ui-monospace,monospace}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th[data-key]{cursor:pointer;user-select:none}th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
.num{text-align:right}.kpis span{margin-right:1.5rem}.dist{display:flex;gap:4px;align-items:flex-end;height:140px;margin:1rem 0}
.band{flex:1;display:flex;flex-direction:column;justify-content:flex-end;align-items:center;height:100%}.bar{display:block;width:100%;background:#4a7;min-height:1px}
.band .n{font-size:12px}.band .l{font-size:11px;color:#666}.badge{padding:0 .4rem;border-radius:4px;font-size:12px}
.c-breaking{background:#fdd}.c-behavioural{background:#fec}.c-cosmetic{background:#eef}.r-fail td:nth-child(3){color:#a00}.r-error td:nth-child(3){color:#a00;font-weight:bold}
.filters>*{margin-right:.5rem}button.mistake{border:0;background:none;cursor:pointer;padding:0;text-decoration:underline}.fix{color:#444;font-size:13px}`;

const JS = `(function(){
var tbody=document.querySelector('#students tbody');var rows=Array.prototype.slice.call(tbody.rows);
var q=document.getElementById('q'),res=document.getElementById('result'),code=document.getElementById('code'),shown=document.getElementById('shown');
function apply(){var t=q.value.toLowerCase(),r=res.value,c=code.value,n=0;
rows.forEach(function(row){var ok=(!t||row.dataset.path.indexOf(t)>=0)&&(!r||row.dataset.result===r)&&(!c||(' '+row.dataset.codes+' ').indexOf(' '+c+' ')>=0);row.hidden=!ok;if(ok)n++;});
shown.textContent=n+' shown';}
[q,res,code].forEach(function(el){el.addEventListener('input',apply);el.addEventListener('change',apply);});
document.querySelectorAll('button.mistake').forEach(function(b){b.addEventListener('click',function(){code.value=b.dataset.code;apply();document.getElementById('class').scrollIntoView();});});
document.querySelectorAll('#students th[data-key]').forEach(function(th){th.addEventListener('click',function(){
var key=th.dataset.key,num=th.dataset.type==='num',dir=th.getAttribute('aria-sort')==='ascending'?-1:1;
document.querySelectorAll('#students th').forEach(function(o){o.removeAttribute('aria-sort');});th.setAttribute('aria-sort',dir>0?'ascending':'descending');
rows.sort(function(a,b){var x=a.dataset[key],y=b.dataset[key];var d=num?Number(x)-Number(y):x.localeCompare(y);return d*dir||a.dataset.path.localeCompare(b.dataset.path);});
rows.forEach(function(row){tbody.appendChild(row);});});});
})();`;
