import type {
  AppModel,
  ChangeTopic,
  CodeFile,
  Component,
  Diagnostic,
  Severity,
  SourceLocation,
} from '../model/index.ts';
import type { Analysis } from './analysis/index.ts';
import type { MessageData } from './message-template.ts';
import type { ApiProfile } from './profiles/profile.ts';

/** Which of the rule's `messages` a finding uses, and the values of its `{name}` placeholders. */
export interface ReportMessage<Id extends string = string> {
  messageId: Id;
  data?: MessageData;
}

/** A finding as a rule reports it; the runner fills in ruleId, severity, message, file, line and column. */
export interface Report<Id extends string = string> extends ReportMessage<Id> {
  /** The code document and the pointer (relative to that document's value) of the offending value. */
  code: CodeFile;
  pointer: string;
  /** Point at the property name instead of its value. */
  key?: boolean;
  /** Move into the string value by this many characters (IML carets). */
  offsetInString?: number;
  length?: number;
  component?: Component | string;
  related?: (SourceLocation & { message?: string })[];
}

/** Or a finding already located (e.g. on a component declaration in makecomapp.json). */
export interface LocatedReport<Id extends string = string> extends ReportMessage<Id> {
  location: SourceLocation;
  component?: Component | string;
  related?: (SourceLocation & { message?: string })[];
}

export interface RuleContext<Id extends string = string> {
  app: AppModel;
  analysis: Analysis;
  profile: ApiProfile;
  report(r: Report<Id> | LocatedReport<Id>): void;
}

/** One valid or invalid example app for a rule, as a single-file bundle (JSONC text). */
export interface RuleCase {
  name: string;
  /**
   * The app as an `app.bundle.json` text. In invalid cases each expected finding is marked with a
   * comment naming its message id right before the token it must point at: `/*@messageId*\/`
   * (the token itself) or `/*@messageId"text"*\/` (where `text` starts inside the next string
   * literal).
   */
  bundle: string;
  /** Profile name to lint with (default: detected). */
  profile?: string;
}

export interface Rule<Id extends string = string> {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** What the rule's findings are about: the differ links them to changes of the same topics. */
  explains?: readonly ChangeTopic[];
  docs: string;
  /**
   * Message id → text. `{name}` is replaced by `data.name` of the report (see
   * `message-template.ts`); IML such as `{{body.id}}` in a text is kept as written.
   */
  messages: Record<Id, string>;
  check(ctx: RuleContext<Id>): void;
  cases: { valid: RuleCase[]; invalid: RuleCase[] };
}

export type RuleSeveritySetting = Severity | 'off';

export interface LintConfig {
  /** Rule id (or a prefix ending in `/*`, e.g. `structure/*`) → severity or `off`. */
  rules?: Record<string, RuleSeveritySetting>;
  /** Name of a built-in or config-defined API profile; default: detected from the app's URLs. */
  profile?: string;
  /** API profiles defined by the config file (by name). */
  profiles?: Record<string, import('./profiles/profile.ts').ApiProfileDefinition>;
  /** Globs (relative to the app root) of files whose findings are dropped. */
  ignore?: string[];
  /** Findings accepted earlier: anything matching an entry is dropped. */
  baseline?: import('./suppress/baseline.ts').Baseline;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  /** Findings dropped by inline comments, baseline or ignore globs (counted, not shown). */
  suppressed: number;
  profile: string;
}

/** Declares a rule, typing its reports' message ids from its `messages`. */
export function defineRule<Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}
