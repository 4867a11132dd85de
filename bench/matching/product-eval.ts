// The product's own figures on fixtures/eval: every need and every output is matched by the
// worker's MatchEngine with the configured defaults (rankMatches: candidates, relative floor,
// top K; need text = title + problem + desired outcome), exactly as the worker does it.
import { EVAL_NEEDS, EVAL_OUTPUTS, type EvalNeed, type EvalOutput } from '../../fixtures/eval/index';
import { DEFAULT_RANKING, mean, ndcgAtK, occursIn, recallAtK, reciprocalRank, type TextDoc } from '../../matching';
import { needMatchingText } from '../../server/modules/needs/service';
import { outputMatchingText } from '../../server/modules/research-outputs/service';
import { MatchEngine, type MatchableNeed, type MatchableOutput } from '../../workers/matching/match-engine';

export interface ProductResult {
  ndcg10: number;
  /** Reciprocal rank of the first output graded 2 or 3. */
  mrr: number;
  /** Share of the outputs graded 2 or 3 that are in the top 10. */
  recall10: number;
  /** Needs with an output graded ≥ 2 in the set whose match list is empty. */
  emptyLists: number;
  /** Evidence words of every explained pair (both sides' lists) that do not occur in the text they are attributed to. */
  unsupportedTerms: number;
  explainedPairs: number;
  evidenceTerms: number;
}

const ORG = 'eval';

export function toMatchableEvalNeed(need: EvalNeed): MatchableNeed {
  return { id: need.id, organizationId: ORG, text: needMatchingText(need), profile: need };
}

export function toMatchableEvalOutput(output: EvalOutput): MatchableOutput {
  return { id: output.id, organizationId: ORG, text: outputMatchingText(output), profile: output };
}

async function* each<T>(items: readonly T[]): AsyncIterable<T> {
  yield* items;
}

export async function evaluateProduct(needs: readonly EvalNeed[] = EVAL_NEEDS, outputs: readonly EvalOutput[] = EVAL_OUTPUTS): Promise<ProductResult> {
  const needById = new Map(needs.map((n) => [n.id, toMatchableEvalNeed(n)]));
  const outputById = new Map(outputs.map((o) => [o.id, toMatchableEvalOutput(o)]));
  const engine = new MatchEngine({
    allNeeds: () => each([...needById.values()]),
    allOutputs: () => each([...outputById.values()]),
    need: async (id) => needById.get(id) ?? null,
    output: async (id) => outputById.get(id) ?? null,
  }, DEFAULT_RANKING);
  await engine.loadAll();
  const ndcg: number[] = [];
  const rr: number[] = [];
  const recall: number[] = [];
  let emptyLists = 0;
  for (const need of needs) {
    const judgements = new Map(Object.entries(need.judgements));
    const ranking = engine.matchesFor('need', need.id).map((m) => m.outputId);
    ndcg.push(ndcgAtK(ranking, judgements, 10));
    rr.push(reciprocalRank(ranking, judgements, 2));
    if ([...judgements.values()].some((g) => g >= 2)) {
      recall.push(recallAtK(ranking, judgements, 10, 2));
      if (ranking.length === 0) emptyLists++;
    }
  }
  const text = (doc: TextDoc) => `${doc.title}\n${doc.body}`;
  let unsupportedTerms = 0;
  let explainedPairs = 0;
  let evidenceTerms = 0;
  for (const side of ['need', 'output'] as const) {
    for (const id of engine.ids(side)) {
      for (const match of engine.matchesFor(side, id)) {
        explainedPairs++;
        const needText = text(needById.get(match.needId)!.text);
        const outputText = text(outputById.get(match.outputId)!.text);
        for (const e of match.evidence) {
          evidenceTerms += 2;
          if (!occursIn(needText, e.need)) unsupportedTerms++;
          if (!occursIn(outputText, e.output)) unsupportedTerms++;
        }
      }
    }
  }
  return { ndcg10: mean(ndcg), mrr: mean(rr), recall10: mean(recall), emptyLists, unsupportedTerms, explainedPairs, evidenceTerms };
}
