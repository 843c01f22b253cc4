import type { ScenarioReport } from '../../simulate/index.ts';
import { type StartOptions, start } from '../../workflow/start.ts';
import { EXIT } from '../errors.ts';
import { loadTypeScript } from '../typescript-loader.ts';

export async function runStart(flags: StartOptions): Promise<number> {
  const line = (s: string) => process.stdout.write(`${s}\n`);
  await loadTypeScript();
  const r = await start(flags);
  const b = r.build;
  line(
    `build     ${b.ok ? 'ok' : 'FAILED'}  ${b.files.length} files in ${flags.out}/ ` +
      `(${b.written.length} written, ${b.removed.length} removed)`,
  );
  // The build already linted what it wrote (with the app's baseline): report that, don't lint twice.
  line(
    `lint      ${b.errors} errors, ${b.warnings} warnings, ${b.accepted} accepted (${r.components} components)`,
  );
  for (const d of b.diagnostics.filter((x) => x.severity !== 'info'))
    line(`          ${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`);
  const sim = r.simulation;
  if (sim) {
    const requests = sim.scenarios.reduce(
      (n, s) => n + s.steps.reduce((m, st) => m + st.requests.length, 0),
      0,
    );
    line(
      `simulate  ${sim.summary.scenarios} scenarios, ${sim.summary.passed}/${sim.summary.steps} steps passed, ` +
        `${requests} HTTP requests on the embedded App Academy API`,
    );
    for (const sc of sim.scenarios) {
      line(`          ${sc.status === 'pass' ? 'pass' : 'FAIL'}  ${sc.name}`);
      for (const why of failingSteps(sc)) line(`                ${why}`);
    }
    if (sim.har) line(`          HAR written to ${sim.har}`);
  }
  line(r.ok ? 'all good' : 'problems found');
  return r.ok ? EXIT.ok : EXIT.findings;
}

/** Each failing step of a scenario with its reason: the summary must say what to look at. */
function failingSteps(sc: ScenarioReport): string[] {
  return sc.steps
    .filter((st) => st.status === 'fail')
    .map((st) => {
      const reasons = st.failures.length
        ? st.failures
        : st.error
          ? [`${st.error.type}: ${st.error.message}`]
          : [];
      return `step ${st.index} (${st.label}): ${reasons.join('; ') || 'failed'}`;
    });
}
