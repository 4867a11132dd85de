// Match explanations: why a need and a research output match, in words the reader can check in
// the two texts, and the facts that set this candidate apart from the others in the list.
import { combine, compatibility, type MatchBand, type NeedProfile, type OutputProfile, type Reader, type Signal, type SignalName } from './compatibility';
import type { Evidence } from './evidence';

export interface MatchExplanation {
  /** Final 0–100 score. */
  score: number;
  band: MatchBand;
  /** Symmetric 0–100 text similarity. */
  textSimilarity: number;
  /** The text score (points before the facts adjust it). */
  textContribution: number;
  /** Words and phrases as each text writes them, best first. */
  evidence: Evidence[];
  signals: Signal[];
  /** Who the sentences are written for. */
  reader: Reader;
  /** One sentence for the text, one per fact that distinguishes this candidate. */
  sentences: string[];
}

export interface ExplainOptions {
  reader?: Reader;
  /** Signals whose outcome (almost) every candidate in the list shares: no sentence for them. */
  common?: ReadonlySet<SignalName>;
}

export function explainMatch(
  text: { similarity: number; evidence: readonly Evidence[] },
  need: NeedProfile,
  output: OutputProfile,
  { reader = 'need', common = new Set() }: ExplainOptions = {},
): MatchExplanation {
  const combined = combine(text.similarity, compatibility(need, output, reader));
  const distinctive = combined.signals.filter((s) => s.effect !== 'neutral' && !common.has(s.name));
  return {
    score: combined.score,
    band: combined.band,
    textSimilarity: text.similarity,
    textContribution: combined.textContribution,
    evidence: [...text.evidence],
    signals: combined.signals,
    reader,
    sentences: [describeText(text, reader), ...distinctive.map((s) => s.sentence)],
  };
}

/** Share of a list that must share a signal's outcome for it to say nothing about one candidate. */
const COMMON_SHARE = 0.8;

/**
 * Signals whose value is the same for at least 80 % of the listed pairs (three or more): "aimed at
 * your sector" on every card tells the reader nothing about which one to open.
 */
export function commonSignals(pairs: ReadonlyArray<readonly [NeedProfile, OutputProfile]>): Set<SignalName> {
  const common = new Set<SignalName>();
  if (pairs.length < 3) return common;
  const values = new Map<SignalName, Map<number, number>>();
  for (const [need, output] of pairs) {
    for (const s of compatibility(need, output)) {
      const counts = values.get(s.name) ?? new Map<number, number>();
      counts.set(s.value, (counts.get(s.value) ?? 0) + 1);
      values.set(s.name, counts);
    }
  }
  for (const [name, counts] of values) {
    if (Math.max(...counts.values()) >= COMMON_SHARE * pairs.length) common.add(name);
  }
  return common;
}

function describeText(text: { similarity: number; evidence: readonly Evidence[] }, reader: Reader): string {
  const similarity = Math.round(text.similarity);
  const top = text.evidence.slice(0, 5);
  if (top.length === 0) return `The texts share no distinctive words (text similarity ${similarity}/100).`;
  const words = top.map((e) => {
    const [yours, theirs] = reader === 'need' ? [e.need, e.output] : [e.output, e.need];
    return e.kind === 'same' && yours.toLowerCase() === theirs.toLowerCase() ? `"${theirs}"` : `"${theirs}" ≈ your "${yours}"`;
  });
  return `Both texts talk about ${words.join(', ')} (text similarity ${similarity}/100).`;
}
