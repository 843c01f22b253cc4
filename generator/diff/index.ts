import { type AppModel, componentId } from '../model/app.ts';
import type { ChangeTopic, Diagnostic } from '../model/index.ts';
import { type BehaviourOptions, diffBehaviour } from './behaviour/index.ts';
import { countClasses, gradeDiff, linkDiagnostics } from './grade.ts';
import { matchComponents } from './match.ts';
import { DEFAULT_RUBRIC, type Rubric } from './rubric.ts';
import { diffStructure } from './structure.ts';
import type { BehaviourResult, DiffReport, Verdict } from './types.ts';

export { compareRuns } from './behaviour/compare-steps.ts';
export {
  type BehaviourOptions,
  diffBehaviour,
  type ReferenceRuns,
  runReference,
} from './behaviour/index.ts';
export { CHANGE_CODES } from './codes.ts';
export { formatHtml } from './format/html.ts';
export { formatJson } from './format/json.ts';
export { formatText } from './format/text.ts';
export { matchComponents, signatureOf, similarity } from './match.ts';
export { diffStructure } from './structure.ts';
export type * from './types.ts';
export { CHANGE_CLASSES } from './types.ts';

export interface DiffOptions extends BehaviourOptions {
  /** Run both apps on the embedded API and compare requests and outputs (default true). */
  behaviour?: boolean;
  /** Lint diagnostics of the student's app to cite in fixes; default: run `lintApp` on it. */
  lint?: Diagnostic[] | false;
  /** How differences are scored (default: grade/rubric.ts). */
  rubric?: Rubric;
  /** Reference component ids left out of the report and the grade (an assignment's optional ones the student skipped). */
  ignore?: Set<string>;
}

/**
 * Compares a student's app with the reference: structure (normalised, per component and code
 * file), behaviour (same scenarios on the embedded API, noise masked) and a grade.
 */
export async function diffApps(
  theirs: AppModel,
  reference: AppModel,
  opts: DiffOptions = {},
): Promise<DiffReport> {
  const matches = matchComponents(reference, theirs);
  const ignored = (id: string | undefined) => id !== undefined && opts.ignore?.has(id) === true;
  const changes = diffStructure(reference, theirs, matches).filter((c) => !ignored(c.component));

  const lint =
    opts.lint === false
      ? { diagnostics: [], note: 'not run' }
      : opts.lint
        ? { diagnostics: opts.lint }
        : await lintTheirs(theirs);
  linkDiagnostics(changes, lint.diagnostics, lint.diagnostics.length ? await ruleTopics() : () => []);

  const behaviour: BehaviourResult =
    opts.behaviour === false
      ? { ran: false, note: 'skipped (--no-behaviour)', scenarios: [], steps: [], equivalent: true }
      : await diffBehaviour(theirs, reference, matches, opts);
  if (opts.ignore?.size) {
    behaviour.steps = behaviour.steps.filter((s) => !ignored(s.component));
    behaviour.equivalent = behaviour.steps.every((s) => s.pass);
  }

  const counts = countClasses(changes);
  const structuralDiff = counts.breaking + counts.behavioural > 0;
  const behaviourEquivalent = behaviour.equivalent && !structuralDiff;
  const verdict: Verdict = !behaviourEquivalent
    ? 'different'
    : counts.cosmetic > 0
      ? 'cosmetic'
      : 'equivalent';
  return {
    reportVersion: 1,
    reference: { root: reference.root, layout: reference.layout },
    theirs: { root: theirs.root, layout: theirs.layout },
    verdict,
    behaviourEquivalent,
    matches,
    changes,
    counts,
    behaviour,
    grade: gradeDiff(
      changes,
      matches.filter((m) => !ignored(m.reference && componentId({ kind: m.kind, name: m.reference }))),
      behaviour,
      opts.rubric ?? DEFAULT_RUBRIC,
    ),
    lint: {
      ran: lint.note === undefined,
      findings: lint.diagnostics.length,
      linked: changes.filter((c) => c.ruleIds?.length).length,
      ...(lint.note ? { note: lint.note } : {}),
    },
    loadProblems: [...loadProblems('reference', reference), ...loadProblems('theirs', theirs)],
  };
}

function loadProblems(side: 'reference' | 'theirs', app: AppModel) {
  return app.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => ({ side, file: d.file, line: d.line, message: d.message }));
}

/** What each lint rule declares its findings explain (loaded with the linter, only when there are findings). */
async function ruleTopics(): Promise<(ruleId: string) => readonly ChangeTopic[]> {
  const { RULES_BY_ID } = await import('../validate/index.ts');
  return (ruleId) => RULES_BY_ID.get(ruleId)?.explains ?? [];
}

/** The linter only adds rule ids to fixes: when it fails, the diff still stands and the report says why. */
async function lintTheirs(app: AppModel): Promise<{ diagnostics: Diagnostic[]; note?: string }> {
  try {
    const { lintApp } = await import('../validate/index.ts');
    return { diagnostics: lintApp(app).diagnostics };
  } catch (e) {
    return { diagnostics: [], note: `lint failed: ${(e as Error).message}` };
  }
}
