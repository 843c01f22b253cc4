/** A Mermaid sequence diagram of a simulation: the scenario, the simulated Make runtime, the API, the webhook receiver. */
import type { SimulationReport } from './types.ts';

function esc(s: string): string {
  return s.replace(/[;#]/g, ' ').replace(/\s+/g, ' ').slice(0, 120);
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

export function toMermaid(report: SimulationReport): string {
  const lines: string[] = [
    '```mermaid',
    'sequenceDiagram',
    '  participant S as Scenario',
    '  participant M as Make (simulated)',
    '  participant A as API',
    '  participant H as Webhook receiver',
  ];
  for (const sc of report.scenarios) {
    lines.push(`  Note over S,A: ${esc(sc.name)} (${sc.status})`);
    for (const st of sc.steps) {
      lines.push(`  S->>M: ${st.index}. ${esc(st.label)}`);
      for (const r of st.requests) {
        if (r.component.startsWith('webhooks.') && r.pointer.endsWith('.communication')) {
          lines.push(`  A->>H: ${r.method} webhook delivery`);
          continue;
        }
        const from = r.component === 'api' ? 'S' : 'M';
        lines.push(`  ${from}->>A: ${r.method} ${esc(pathOf(r.url))}`);
        lines.push(`  A-->>${from}: ${r.status ?? esc(r.networkError ?? 'no response')}`);
      }
      const verdict = st.status === 'pass' ? 'pass' : `FAIL${st.error ? ` ${st.error.type}` : ''}`;
      lines.push(
        `  M-->>S: ${esc(verdict)}${st.output ? ` (${st.output.length} bundle${st.output.length === 1 ? '' : 's'})` : ''}`,
      );
    }
  }
  lines.push('```', '');
  return lines.join('\n');
}
