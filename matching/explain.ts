// Match explanations: why a need and a research output match, in words a person can check.
import { combine, compatibility, MATCH_WEIGHTS, type NeedProfile, type OutputProfile, type Signal } from './compatibility';
import type { SharedTerm, TextMatch } from './index/similarity';

export interface MatchExplanation {
  /** Final 0–100 score. */
  score: number;
  /** Symmetric 0–100 text similarity. */
  textSimilarity: number;
  textContribution: number;
  /** Top shared words (readable surface forms) with their similarity points. */
  sharedTerms: SharedTerm[];
  signals: Signal[];
  /** One sentence for the text and one per structured signal. */
  sentences: string[];
}

export function explainMatch(text: TextMatch, need: NeedProfile, output: OutputProfile): MatchExplanation {
  const combined = combine(text.similarity, compatibility(need, output));
  return {
    score: combined.score,
    textSimilarity: text.similarity,
    textContribution: combined.textContribution,
    sharedTerms: text.sharedTerms,
    signals: combined.signals,
    sentences: [describeText(text, combined.textContribution), ...combined.signals.map((s) => s.sentence)],
  };
}

function describeText(text: TextMatch, points: number): string {
  const words = text.sharedTerms.slice(0, 5).map((t) => (t.via ? `${t.word} (for "${t.via}")` : t.word));
  const similarity = Math.round(text.similarity);
  if (words.length === 0) return `The texts share no meaningful words (text similarity ${similarity}/100).`;
  return `Both talk about ${words.join(', ')} — text similarity ${similarity}/100, worth ${points.toFixed(1)} of ${MATCH_WEIGHTS.text} points.`;
}
