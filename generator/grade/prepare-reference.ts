import { type ReferenceRuns, runReference } from '../diff/behaviour/index.ts';
import { loadApp } from '../load/index.ts';
import type { AppModel } from '../model/app.ts';
import { InputError } from '../model/errors.ts';
import { smokeScenario } from '../simulate/index.ts';
import { type Assignment, loadAssignment, restrictReference } from './assignment.ts';

export interface PreparedReference {
  full: AppModel;
  /** Restricted to the assignment's components when there is one. */
  reference: AppModel;
  assignment?: Assignment;
  runs?: ReferenceRuns;
  lintFindings: number;
}

/**
 * The reference is loaded, linted and simulated once per run. With an assignment, the scenario is
 * the smoke scenario of the assigned components (the full scenarios need the whole app), unless
 * scenarios are given.
 */
export async function prepareReference(opts: {
  against: string;
  assignment?: string;
  scenarios?: string;
  behaviour: boolean;
}): Promise<PreparedReference> {
  const full = loadApp(opts.against);
  if (Object.values(full.components).every((c) => Object.keys(c).length === 0))
    throw new InputError('the reference holds no components', { file: opts.against });
  const assignment = opts.assignment ? loadAssignment(opts.assignment, full) : undefined;
  const reference = assignment ? restrictReference(full, assignment) : full;
  const { lintApp } = await import('../validate/index.ts');
  const lintFindings = lintApp(full).diagnostics.length;
  if (!opts.behaviour) return { full, reference, ...(assignment ? { assignment } : {}), lintFindings };
  const given =
    assignment && !opts.scenarios
      ? {
          scenarios: [smokeScenario(reference)],
          source: `the smoke scenario of the assignment ${assignment.name}`,
        }
      : undefined;
  const runs = await runReference(reference, opts.scenarios ? { scenarios: opts.scenarios } : {}, given);
  return { full, reference, ...(assignment ? { assignment } : {}), runs, lintFindings };
}
