/** The readable report `make-app simulate` prints: steps, the requests each sent, pass or fail. */
import type { SimulationReport } from './types.ts';

function pathAndQuery(url: string, query: Record<string, string | string[]>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) for (const x of Array.isArray(v) ? v : [v]) q.append(k, x);
  const qs = q.toString();
  return qs ? `${url}?${qs}` : url;
}

export function formatReport(report: SimulationReport, opts: { verbose?: boolean } = {}): string {
  const out: string[] = [];
  out.push(`Simulating ${report.app.label ?? report.app.name ?? report.app.root} (${report.target})`);
  for (const sc of report.scenarios) {
    out.push('', `${sc.status === 'pass' ? 'PASS' : 'FAIL'}  ${sc.name}${sc.file ? `  (${sc.file})` : ''}`);
    for (const st of sc.steps) {
      const mark = st.status === 'pass' ? '✓' : '✗';
      const count =
        st.output && st.kind !== 'advance'
          ? `  → ${st.output.length} bundle${st.output.length === 1 ? '' : 's'}`
          : '';
      out.push(`  ${mark} ${String(st.index).padStart(2)}. ${st.label}${count}   [${st.clock}]`);
      for (const r of st.requests) {
        out.push(
          `        ${r.method.padEnd(6)} ${pathAndQuery(r.url, r.query)}  → ${r.status ?? 'no response'}`,
        );
      }
      if (st.error)
        out.push(
          `        ${st.status === 'pass' ? 'expected error' : 'error'}: ${st.error.type}: ${st.error.message}`,
        );
      for (const w of st.warnings ?? []) out.push(`        ! ${w}`);
      for (const f of st.failures)
        if (!st.error || !f.startsWith(`${st.error.type}: `)) out.push(`        ✗ ${f}`);
      if (opts.verbose && st.output?.length)
        out.push(`        output: ${JSON.stringify(st.output).slice(0, 400)}`);
    }
  }
  const s = report.summary;
  out.push(
    '',
    `${s.scenarios} scenario${s.scenarios === 1 ? '' : 's'}, ${s.steps} steps: ${s.passed} passed, ${s.failed} failed`,
  );
  if (report.har) out.push(`HAR written to ${report.har}`);
  return `${out.join('\n')}\n`;
}
