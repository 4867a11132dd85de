import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MatchIndex } from '../../../matching';

// A skewed vocabulary, so some terms are in most documents and pruning has work to do.
const VOCABULARY = Array.from({ length: 60 }, (_, i) => `term${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}x`);
const skewedWord = fc.nat({ max: 3599 }).map((n) => VOCABULARY[Math.floor(Math.sqrt(n))]!);
const text = (max: number) => fc.array(skewedWord, { minLength: 1, maxLength: max }).map((w) => w.join(' '));

describe('top-k pruning', () => {
  it('returns the same top k as exhaustive scoring', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: text(5), body: text(40) }), { minLength: 1, maxLength: 120 }),
        fc.array(text(12), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 15 }),
        (docs, queries, k) => {
          const index = new MatchIndex({ expansion: { synonyms: false, rm3: false } });
          docs.forEach((d, i) => index.add(`d${String(i).padStart(3, '0')}`, d));
          for (const query of queries) {
            const pruned = index.search(query, { k, explain: false });
            const exhaustive = index.search(query, { k, explain: false, prune: false });
            expect(pruned.map((h) => h.score)).toEqual(exhaustive.map((h) => h.score));
            expect(pruned.map((h) => h.id)).toEqual(exhaustive.map((h) => h.id));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('applies the filter before choosing the top k', () => {
    const index = new MatchIndex();
    for (let i = 0; i < 30; i++) index.add(`d${i}`, { title: 'battery storage', body: 'battery '.repeat(1 + (i % 7)) });
    const even = (id: string) => Number(id.slice(1)) % 2 === 0;
    const hits = index.search('battery storage', { k: 5, filter: even });
    expect(hits).toHaveLength(5);
    expect(hits.every((h) => even(h.id))).toBe(true);
    const exhaustive = index.search('battery storage', { k: 5, filter: even, prune: false });
    expect(hits.map((h) => h.id)).toEqual(exhaustive.map((h) => h.id));
  });
});
