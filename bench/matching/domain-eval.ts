// Research figures on fixtures/eval for index settings the product does not use (no synonyms,
// RM3): text retrieval of the same candidates from the same need text, ranked by text alone and by
// the combined score, without the floor. The product's own figures come from product-eval.ts.
import { EVAL_NEEDS, EVAL_OUTPUTS } from '../../fixtures/eval/index';
import { compatibility, combine } from '../../matching/compatibility';
import { mean, ndcgAtK, reciprocalRank } from '../../matching/evaluate';
import { MatchIndex, type MatchIndexInit } from '../../matching/index/match-index';
import { DEFAULT_RANKING } from '../../matching/rank';
import { needMatchingText } from '../../server/modules/needs/service';

export interface DomainResult {
  ndcg10: number;
  mrr: number;
  textOnlyNdcg10: number;
  textOnlyMrr: number;
}

/** Candidates taken from text retrieval before the combined re-ranking: the product's. */
const CANDIDATES = DEFAULT_RANKING.candidates;

export function evaluateDomain(options: MatchIndexInit = {}): DomainResult {
  const index = new MatchIndex(options);
  for (const output of EVAL_OUTPUTS) index.add(output.id, { title: output.title, body: output.summary });
  const outputs = new Map(EVAL_OUTPUTS.map((o) => [o.id, o]));
  const combined: number[][] = [[], []];
  const textOnly: number[][] = [[], []];
  for (const need of EVAL_NEEDS) {
    const judgements = new Map(Object.entries(need.judgements));
    const hits = index.search(needMatchingText(need), { k: CANDIDATES });
    const textRanking = hits.map((h) => h.id);
    const reranked = hits
      .map((h) => ({ id: h.id, score: combine(h.similarity, compatibility(need, outputs.get(h.id)!)).score }))
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      .map((h) => h.id);
    combined[0]!.push(ndcgAtK(reranked, judgements, 10));
    combined[1]!.push(reciprocalRank(reranked, judgements, 2));
    textOnly[0]!.push(ndcgAtK(textRanking, judgements, 10));
    textOnly[1]!.push(reciprocalRank(textRanking, judgements, 2));
  }
  return {
    ndcg10: mean(combined[0]!),
    mrr: mean(combined[1]!),
    textOnlyNdcg10: mean(textOnly[0]!),
    textOnlyMrr: mean(textOnly[1]!),
  };
}
