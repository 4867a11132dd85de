// The shapes of a diagnostic questionnaire (data) and of the report the engine derives from answers.
// Pure types: the data files in ../questionnaire and the engine share them; nothing here does I/O.

export interface Option {
  value: string;
  label: string;
}

/** `single`: one option (a string answer); `multi`: one or more options (a string array). */
export interface Question {
  id: string;
  text: string;
  help?: string;
  type: 'single' | 'multi';
  options: Option[];
}

/**
 * When a rule fires. A leaf matches when the question is answered with one of `anyOf` (for a
 * multi question: when the answer includes one of them). There is deliberately no `not`: every
 * rule must be triggered by something the company said, never by silence.
 */
export type Condition = { question: string; anyOf: string[] } | { all: Condition[] } | { any: Condition[] };

export interface Section {
  id: string;
  title: string;
  intro: string;
  /** Which screening answers call for this section; only screening questions may appear here. */
  appliesWhen: Condition;
  questions: Question[];
}

export interface AssetRule {
  id: string;
  /** The section whose questions (and the screening ones) the condition may use. */
  section: string;
  title: string;
  description: string;
  when: Condition;
}

export type Severity = 'high' | 'medium' | 'low';

export interface RiskRule extends AssetRule {
  severity: Severity;
}

/** Where a recommendation points the company to on the platform. */
export type LinkKind = 'research_outputs' | 'intermediaries' | 'events';

export interface RecommendationRule {
  id: string;
  section: string;
  title: string;
  /** Why it matters; the report adds the answers that triggered it. */
  reason: string;
  nextStep: string;
  /** 1–3: how soon acting pays off or a loss can still be prevented. */
  urgency: 1 | 2 | 3;
  /** 1–3: how much is at stake for a typical SME. */
  impact: 1 | 2 | 3;
  /** Risks this recommendation reduces: a triggered one raises its priority. */
  addresses: string[];
  links: LinkKind[];
  when: Condition;
}

export interface Questionnaire {
  version: string;
  title: string;
  intro: string;
  /**
   * Facts taken from the organization's profile (its NACE sectors), never asked: the service adds
   * them to the answers, and rules read them like screening answers, citing the profile as evidence.
   */
  profile: Question[];
  screening: Question[];
  sections: Section[];
  assets: AssetRule[];
  risks: RiskRule[];
  recommendations: RecommendationRule[];
}

/** A company's answers: question id → option value (single) or option values (multi). */
export type Answers = Record<string, string | string[]>;

/** One answer that made a rule fire, with the words the company saw. */
export interface Evidence {
  questionId: string;
  question: string;
  answer: string[];
  answerLabels: string[];
}

export interface ReportSection {
  id: string;
  title: string;
  evidence: Evidence[];
}

export interface ReportAsset {
  id: string;
  section: string;
  title: string;
  description: string;
  evidence: Evidence[];
}

export interface ReportRisk extends ReportAsset {
  severity: Severity;
}

export type Priority = 'high' | 'medium' | 'low';

export interface ReportRecommendation {
  id: string;
  section: string;
  title: string;
  reason: string;
  nextStep: string;
  priority: Priority;
  /** urgency × impact, plus a bonus for each triggered risk it addresses; the order's key. */
  score: number;
  /** 1-based position in the prioritised list. */
  rank: number;
  addresses: string[];
  links: LinkKind[];
  evidence: Evidence[];
}

export interface Report {
  questionnaireVersion: string;
  sections: ReportSection[];
  assets: ReportAsset[];
  risks: ReportRisk[];
  recommendations: ReportRecommendation[];
}
