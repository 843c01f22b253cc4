/**
 * The grading rubric: the one place that says what a difference from the reference costs.
 * `make-app diff` and `make-app grade` both score with it; a config file (`--rubric file.yaml`)
 * overrides any field (see rubric-config.ts).
 *
 * How a grade is made (0..100):
 * 1. Every reference component gets a weight (`componentWeights`: by id such as
 *    `modules.createMovie` first, else by kind). It earns full credit when nothing breaking or
 *    behavioural differs, else `1 − Σ classWeights` of its changes (never below 0).
 * 2. Every scenario step that ran earns 1 when it behaves like the reference, `detailStepCredit`
 *    when only request details differ (headers, query, body) while the API answered the same and
 *    the output is the same, else 0.
 * 3. grade = 100 × ((1 − behaviourShare) × component credit + behaviourShare × step credit),
 *    minus `cosmeticPoints` per cosmetic change (at most `cosmeticMaxPoints`).
 * 4. Behaviour decides when it ran: a breaking or behavioural difference in a component whose
 *    every scenario step behaves like the reference's is not confirmed (a correct app written
 *    differently); its component loses `unconfirmedWeight` once, and the grade is capped the grade only at `unconfirmedCap`.
 * 5. Caps: any (confirmed) breaking change (or a step that errors or calls another endpoint where the
 *    reference does not) caps the grade at `breakingCap`, well below `passMark`; any other
 *    behavioural difference caps it at `behaviouralCap`, so a mistaken app never gets full marks.
 */
export interface Rubric {
  /** What one change of each class takes from its component's credit (1 = all of it). */
  classWeights: { breaking: number; behavioural: number; cosmetic: number; equivalent: number };
  /** Weight of a component in the grade: by component id, else by kind (`connection`, `module`, `base`...). */
  componentWeights: Record<string, number>;
  /** Share of the grade that comes from scenario steps when the behaviour ran (0..1). */
  behaviourShare: number;
  /** Points taken per cosmetic change, and at most in total. */
  cosmeticPoints: number;
  cosmeticMaxPoints: number;
  /** Highest grade with a breaking difference; keep it well below `passMark`. */
  breakingCap: number;
  /** Highest grade with a behavioural (non-breaking) difference. */
  behaviouralCap: number;
  /** Credit of a step whose requests differ in details only (same answers, same output). */
  detailStepCredit: number;
  /** What unconfirmed differences take from their component's credit (once), and the cap they set. */
  unconfirmedWeight: number;
  unconfirmedCap: number;
  /** Grade needed to pass. */
  passMark: number;
  /** Extra components the reference (or the assignment) does not ask for: counted as cosmetic or not at all. */
  penaliseExtras: boolean;
}

export const DEFAULT_RUBRIC: Rubric = {
  // A breaking change makes its component useless; a behavioural one half so.
  classWeights: { breaking: 1, behavioural: 0.5, cosmetic: 0, equivalent: 0 },
  // The connection carries every other component, so it weighs most.
  componentWeights: { connection: 4, base: 2, module: 2, webhook: 2, rpc: 1, function: 1, general: 1 },
  behaviourShare: 0.5,
  cosmeticPoints: 1,
  // labels and help texts are the student's to write: they cost little
  cosmeticMaxPoints: 2,
  // With a breaking change the app does not do what the task asks: well below the pass mark.
  breakingCap: 40,
  behaviouralCap: 95,
  // the scenarios did not show it, but it is not what the reference does: never full marks
  unconfirmedWeight: 0.05,
  detailStepCredit: 0.75,
  unconfirmedCap: 99,
  passMark: 60,
  penaliseExtras: true,
};

/** The weight of one component id (`modules.getMovie`, `base`, `connections.academy`). */
export function componentWeight(rubric: Rubric, id: string): number {
  if (Object.hasOwn(rubric.componentWeights, id)) return rubric.componentWeights[id];
  const kind = id.includes('.') ? id.slice(0, id.indexOf('.')).replace(/s$/, '') : id;
  if (Object.hasOwn(rubric.componentWeights, kind)) return rubric.componentWeights[kind];
  return rubric.componentWeights.general ?? 1;
}
