// Ranking metrics over a ranking (ids, best first) and graded judgements (id → grade; missing
// ids count as grade 0). Pure functions, used by the benchmark and the domain evaluation.

export type Judgements = ReadonlyMap<string, number>;

const gain = (grade: number) => 2 ** grade - 1;

/** Discounted cumulative gain at k with gain 2^grade − 1 and log2(rank + 1) discount. */
export function dcgAtK(ranking: readonly string[], judgements: Judgements, k: number): number {
  let dcg = 0;
  for (let i = 0; i < Math.min(k, ranking.length); i++) {
    dcg += gain(judgements.get(ranking[i]!) ?? 0) / Math.log2(i + 2);
  }
  return dcg;
}

/** nDCG@k; 0 when there is nothing relevant to find. */
export function ndcgAtK(ranking: readonly string[], judgements: Judgements, k: number): number {
  const ideal = [...judgements.entries()]
    .filter(([, grade]) => grade > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([id]) => id);
  const idealDcg = dcgAtK(ideal, judgements, k);
  return idealDcg === 0 ? 0 : dcgAtK(ranking, judgements, k) / idealDcg;
}

/** Reciprocal rank of the first document with grade ≥ minGrade (0 if none is retrieved). */
export function reciprocalRank(ranking: readonly string[], judgements: Judgements, minGrade = 1): number {
  const index = ranking.findIndex((id) => (judgements.get(id) ?? 0) >= minGrade);
  return index < 0 ? 0 : 1 / (index + 1);
}

export function precisionAtK(ranking: readonly string[], judgements: Judgements, k: number, minGrade = 1): number {
  if (k <= 0) return 0;
  const top = ranking.slice(0, k);
  return top.filter((id) => (judgements.get(id) ?? 0) >= minGrade).length / k;
}

export function recallAtK(ranking: readonly string[], judgements: Judgements, k: number, minGrade = 1): number {
  const relevant = [...judgements.values()].filter((grade) => grade >= minGrade).length;
  if (relevant === 0) return 0;
  const top = ranking.slice(0, k);
  return top.filter((id) => (judgements.get(id) ?? 0) >= minGrade).length / relevant;
}

/** Arithmetic mean; 0 for an empty list. */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}
