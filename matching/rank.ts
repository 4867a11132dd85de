// The one ranking path. The matching worker (both sides), free-text search and bench:matching
// all call rankMatches with the same options, so the benchmark's figures are the product's.
import { bandOf, combine, compatibility, textScore, type MatchBand, type NeedProfile, type OutputProfile } from './compatibility';

export interface RankingOptions {
  /** Text candidates taken from the index and re-scored with the facts. */
  candidates: number;
  /** Matches kept. */
  topK: number;
  /**
   * A candidate is listed only when its text similarity is at least this share of the best
   * candidate's. Relative, so a need written in few or unusual words still gets its plausible
   * candidates (an absolute floor emptied or truncated such lists); those with a low score are
   * shown in the "weak" band rather than hidden.
   */
  relativeFloor: number;
  /** Below this text similarity (0–100) a pair shares nothing but a stray word: never a match. */
  minSimilarity: number;
}

/** Measured on fixtures/eval (matching/README.md): recall@10 stops growing below 0.15. */
export const DEFAULT_RANKING: RankingOptions = { candidates: 40, topK: 20, relativeFloor: 0.15, minSimilarity: 1 };

/** What the ranking needs to know of one candidate: the text similarity, and both profiles when facts apply. */
export interface Candidate {
  similarity: number;
  /** Absent for free-text search, which has no need or output on the query side: text alone. */
  profiles?: readonly [NeedProfile, OutputProfile];
}

export interface RankedMatch {
  id: string;
  similarity: number;
  /** 0–100, one decimal. */
  score: number;
  band: MatchBand;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * Retrieves `candidates` ids by text, scores each (text leads, facts adjust: see compatibility.ts),
 * drops those under the floor (relative to the best candidate) and keeps the top K, best first;
 * equal scores (two at 100) go by text similarity, then id, so the same data gives the same list.
 */
export function rankMatches(
  retrieve: (k: number) => readonly string[],
  candidate: (id: string) => Candidate | undefined,
  options: RankingOptions = DEFAULT_RANKING,
): RankedMatch[] {
  const scored = retrieve(options.candidates).flatMap((id) => {
    const found = candidate(id);
    return found ? [{ id, ...found }] : [];
  });
  const best = Math.max(0, ...scored.map((c) => c.similarity));
  const floor = Math.max(options.minSimilarity, options.relativeFloor * best);
  return scored
    .filter((c) => c.similarity >= floor)
    .map(({ id, similarity, profiles }) => {
      const score = round1(profiles ? combine(similarity, compatibility(...profiles)).score : textScore(similarity));
      return { id, similarity, score, band: bandOf(score) };
    })
    .sort((a, b) => b.score - a.score || b.similarity - a.similarity || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, options.topK);
}
