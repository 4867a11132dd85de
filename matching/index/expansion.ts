// Bridging the vocabulary gap between an SME's words and an abstract's words.
// - Synonyms: a query (or vector) that contains every term of one member of a synonym group
//   gains the terms of the other members at a reduced weight.
// - RM3 (Lavrenko & Croft's relevance model, mixed with the original query): the top documents
//   of a first pass vote for expansion terms in proportion to their score and term frequency.
import { analyze } from '../text/analyzer';
import { SYNONYM_GROUPS } from '../synonym-groups';

export interface ExpansionOptions {
  synonyms: boolean;
  /** Weight of a synonym relative to the query term that triggered it. */
  synonymWeight: number;
  rm3: boolean;
  feedbackDocs: number;
  feedbackTerms: number;
  /** Share of the original query in the final query (the rest comes from feedback). */
  originalWeight: number;
}

/**
 * Defaults follow the measurements in matching/README.md: synonyms help the domain set and are
 * neutral on Cranfield; RM3 helps Cranfield (+0.034 nDCG@10) but lowers the domain set's
 * text ranking (−0.024), so it is opt-in (enable it for large, homogeneous collections).
 */
export const DEFAULT_EXPANSION: ExpansionOptions = {
  synonyms: true,
  synonymWeight: 0.5,
  rm3: false,
  feedbackDocs: 5,
  feedbackTerms: 10,
  originalWeight: 0.5,
};

/** Each group member as English stems, e.g. "energy storage" → ["energi", "storag"]. */
const GROUPS: string[][][] = SYNONYM_GROUPS.map((group) =>
  group.map((member) => analyze(member, { lang: 'en' }).terms).filter((terms) => terms.length > 0),
);

export interface ExpandedWeight {
  weight: number;
  /** The query term(s) a synonym came from, for explanations. */
  via?: string;
  /**
   * Set on added terms: every term of the group member this term belongs to. A multi-word member
   * ("last mile") only counts against a text that contains all of it, never one of its words
   * ("bottles only last a week").
   */
  member?: readonly string[];
  /** The word as written in another language that this English term translates. */
  bridge?: string;
}

/** Group members keyed by their first stem, so expansion looks only at groups a text touches. */
const TRIGGERS = new Map<string, Array<{ group: number; member: number }>>();
GROUPS.forEach((members, group) =>
  members.forEach((terms, member) => {
    const first = terms[0]!;
    if (!TRIGGERS.has(first)) TRIGGERS.set(first, []);
    TRIGGERS.get(first)!.push({ group, member });
  }),
);

/** Whether a term starts some synonym group member (only such terms can trigger expansion). */
export function canTriggerSynonyms(term: string): boolean {
  return TRIGGERS.has(term);
}

/**
 * Synonym terms a text gains: for every group one of whose members the text contains in full,
 * the other members' terms at `relativeWeight` × the trigger's weight (split over the member's
 * words). Terms the text already has are not added.
 */
export function synonymAdditions(
  /** The text's terms; passing only those that can trigger (see canTriggerSynonyms) is enough. */
  terms: Iterable<string>,
  weightOf: (term: string) => number | undefined,
  relativeWeight: number,
): Map<string, ExpandedWeight> {
  const has = (term: string) => weightOf(term) !== undefined;
  const triggered = new Map<number, number>();
  for (const term of terms) {
    for (const { group, member } of TRIGGERS.get(term) ?? []) {
      if (!triggered.has(group) && GROUPS[group]![member]!.every(has)) triggered.set(group, member);
    }
  }
  const added = new Map<string, ExpandedWeight>();
  for (const [group, member] of triggered) {
    const trigger = GROUPS[group]![member]!;
    const base = Math.min(...trigger.map((t) => weightOf(t)!));
    for (const other of GROUPS[group]!) {
      if (other === trigger || other.every(has)) continue;
      for (const term of other) {
        if (has(term)) continue;
        const weight = (relativeWeight * base) / other.length;
        const current = added.get(term);
        if (current === undefined || weight > current.weight) added.set(term, { weight, via: trigger.join(' '), member: other });
      }
    }
  }
  return added;
}

/** The term → weight map plus its synonym additions. */
export function expandWithSynonyms(weights: Map<string, number>, relativeWeight: number): Map<string, ExpandedWeight> {
  const out = new Map<string, ExpandedWeight>();
  for (const [term, weight] of weights) out.set(term, { weight });
  for (const [term, extra] of synonymAdditions(weights.keys(), (t) => weights.get(t), relativeWeight)) out.set(term, extra);
  return out;
}

export interface FeedbackDoc {
  /** term → feedback evidence (weighted tf × idf) */
  terms: Map<string, number>;
  length: number;
  score: number;
}

/** RM3: interpolates the normalised original query with the top feedback terms. */
export function rm3(original: Map<string, number>, feedback: readonly FeedbackDoc[], options: ExpansionOptions): Map<string, number> {
  const scoreSum = feedback.reduce((sum, d) => sum + d.score, 0);
  if (feedback.length === 0 || scoreSum <= 0) return original;
  const relevance = new Map<string, number>();
  for (const doc of feedback) {
    const docWeight = doc.score / scoreSum;
    for (const [term, tf] of doc.terms) {
      relevance.set(term, (relevance.get(term) ?? 0) + (docWeight * tf) / doc.length);
    }
  }
  const top = [...relevance].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, options.feedbackTerms);
  const topSum = top.reduce((sum, [, w]) => sum + w, 0);
  const querySum = [...original.values()].reduce((sum, w) => sum + w, 0);
  const mixed = new Map<string, number>();
  for (const [term, w] of original) mixed.set(term, (options.originalWeight * w) / querySum);
  for (const [term, w] of top) {
    mixed.set(term, (mixed.get(term) ?? 0) + ((1 - options.originalWeight) * w) / topSum);
  }
  return mixed;
}
