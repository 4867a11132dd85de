import { describe, expect, it } from 'vitest';
import { dcgAtK, mean, ndcgAtK, precisionAtK, recallAtK, reciprocalRank } from '../../../matching';

const judgements = new Map([['a', 3], ['b', 2], ['c', 1], ['z', 0]]);

describe('evaluation metrics', () => {
  it('DCG uses gain 2^grade − 1 and a log2(rank + 1) discount', () => {
    // ranking b, x, a: 3/log2(2) + 0 + 7/log2(4) = 3 + 3.5
    expect(dcgAtK(['b', 'x', 'a'], judgements, 3)).toBeCloseTo(6.5);
    expect(dcgAtK(['b', 'x', 'a'], judgements, 1)).toBeCloseTo(3);
  });

  it('nDCG divides by the ideal ranking', () => {
    const ideal = 7 + 3 / Math.log2(3) + 1 / Math.log2(4);
    expect(ndcgAtK(['a', 'b', 'c'], judgements, 3)).toBeCloseTo(1);
    expect(ndcgAtK(['b', 'x', 'a'], judgements, 3)).toBeCloseTo(6.5 / ideal);
    expect(ndcgAtK(['x', 'y'], judgements, 10)).toBe(0);
    expect(ndcgAtK(['a'], new Map(), 10)).toBe(0);
  });

  it('reciprocal rank of the first relevant result', () => {
    expect(reciprocalRank(['x', 'c', 'a'], judgements)).toBeCloseTo(1 / 2);
    expect(reciprocalRank(['x', 'c', 'a'], judgements, 3)).toBeCloseTo(1 / 3);
    expect(reciprocalRank(['x', 'z'], judgements)).toBe(0);
  });

  it('precision and recall at k', () => {
    expect(precisionAtK(['a', 'x', 'c', 'z'], judgements, 4)).toBe(0.5);
    expect(recallAtK(['a', 'x', 'c', 'z'], judgements, 4)).toBeCloseTo(2 / 3);
    expect(recallAtK(['a', 'x'], judgements, 2, 3)).toBe(1);
    expect(mean([1, 2, 3])).toBe(2);
    expect(mean([])).toBe(0);
  });
});
