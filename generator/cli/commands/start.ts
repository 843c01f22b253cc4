import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { buildApp } from '../../compile/index.ts';
import { loadApp } from '../../load/index.ts';
import {
  loadScenarios,
  type Scenario,
  ScenarioError,
  simulateApp,
  smokeScenario,
} from '../../simulate/index.ts';
import { EXIT, InputError } from '../errors.ts';
import { checkInputFile, INPUT_LIMITS } from '../input-file.ts';
import { appFiles, checkOutputPath, inputFiles, type Protected } from '../output-guard.ts';
import type { SetExit } from './index.ts';

interface StartFlags {
  src: string;
  out: string;
  scenario: string;
  har?: string;
  simulate: boolean;
}

/** The main job on the embedded defaults: build app-src → dist-app, lint it, simulate its scenarios. */
export function registerStart(program: Command, setExit: SetExit): void {
  program
    .command('start')
    .description(
      'Build the reference app (app-src → dist-app), lint it, and simulate its scenarios on the embedded API',
    )
    .option('--src <dir>', 'TypeScript sources of the app', 'app-src')
    .option('--out <dir>', 'output folder of the build', 'dist-app')
    .option('--scenario <file or dir>', 'scenarios to simulate', 'app-src/scenarios')
    .option('--har <file>', 'also write the redacted HAR recording of the simulation')
    .option('--no-simulate', 'stop after build and lint')
    .action(async (flags: StartFlags) => {
      setExit(await runStart(flags));
    });
}

/** Scenarios are read before the build, so a broken file stops the run at once, named with its position. */
function readScenarios(target: string): Scenario[] | undefined {
  if (!existsSync(target)) return undefined;
  checkInputFile(target, '--scenario', INPUT_LIMITS.scenario, true);
  try {
    return loadScenarios(target);
  } catch (e) {
    if (e instanceof ScenarioError)
      throw new InputError(e.message, { file: e.file, line: e.line, column: e.column });
    throw e;
  }
}

async function runStart(flags: StartFlags): Promise<number> {
  const line = (s: string) => process.stdout.write(`${s}\n`);
  const scenarios = flags.simulate ? readScenarios(flags.scenario) : undefined;
  // The recording never replaces a source or scenario file, and a folder is refused before any work.
  const keep: Protected = inputFiles(flags.src, 'a file of the app sources (--src)', new Map());
  if (scenarios) inputFiles(flags.scenario, 'a --scenario file', keep);
  if (flags.har) checkOutputPath('--har', flags.har, keep);
  const build = await buildApp({ src: flags.src, out: flags.out });
  line(
    `build     ${build.ok ? 'ok' : 'FAILED'}  ${build.files.length} files in ${flags.out}/ ` +
      `(${build.written.length} written, ${build.removed.length} removed)`,
  );
  const app = loadApp(flags.out);
  if (flags.har) checkOutputPath('--har', flags.har, appFiles(app, 'a file of the built app', keep));
  // The build already linted what it wrote (with the app's baseline): report that, don't lint twice.
  const components = Object.values(app.components).reduce((n, byName) => n + Object.keys(byName).length, 0);
  line(
    `lint      ${build.errors} errors, ${build.warnings} warnings, ${build.accepted} accepted (${components} components)`,
  );
  for (const d of build.diagnostics.filter((x) => x.severity !== 'info'))
    line(`          ${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`);
  let failed = 0;
  if (flags.simulate) {
    const report = await simulateApp(app, {
      scenarios: scenarios ?? [smokeScenario(app)],
      ...(flags.har ? { har: path.resolve(flags.har) } : {}),
    });
    const requests = report.scenarios.reduce(
      (n, s) => n + s.steps.reduce((m, st) => m + st.requests.length, 0),
      0,
    );
    failed = report.summary.failed;
    line(
      `simulate  ${report.summary.scenarios} scenarios, ${report.summary.passed}/${report.summary.steps} steps passed, ` +
        `${requests} HTTP requests on the embedded App Academy API`,
    );
    for (const sc of report.scenarios)
      line(`          ${sc.status === 'pass' ? 'pass' : 'FAIL'}  ${sc.name}`);
    if (report.har) line(`          HAR written to ${report.har}`);
  }
  const ok = build.ok && build.errors === 0 && failed === 0;
  line(ok ? 'all good' : 'problems found');
  return ok ? EXIT.ok : EXIT.findings;
}
