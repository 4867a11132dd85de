// The one ranking path and the text fixes of issue 16: relative floor, facts that every candidate
// shares cannot reorder, synonyms only as whole phrases, no common ground from expansion alone.
import { describe, expect, it } from 'vitest';
import { analyze, evidenceFor, MatchIndex, rankMatches, type NeedProfile, type OutputProfile } from '../../../matching';

const need: NeedProfile = { sectors: ['C'], minTrl: 4, collaborationTypes: ['licensing'] };
const output: OutputProfile = { fields: ['agrifood'], sectors: ['C'], trl: 6, ipStatus: 'patent_granted', collaborationTypes: ['licensing'], governmentFunded: true };
const options = { candidates: 10, topK: 5, relativeFloor: 0.15, minSimilarity: 1 };

describe('rankMatches', () => {
  it('keeps candidates relative to the best one, so a need in unusual words still gets a list', () => {
    const sims: Record<string, number> = { a: 4, b: 2, c: 0.5, d: 0.2 };
    const ranked = rankMatches(() => Object.keys(sims), (id) => ({ similarity: sims[id]!, profiles: [need, output] }), options);
    expect(ranked.map((m) => m.id)).toEqual(['a', 'b']);
    expect(ranked.every((m) => m.band === 'weak')).toBe(true);
  });

  it('lets only facts that differ reorder; a clearly better text stays first', () => {
    const weakFacts = { ...output, sectors: ['A' as const], trl: 2, collaborationTypes: ['spin_off' as const], ipStatus: 'trade_secret' as const };
    const ranked = rankMatches(() => ['strong-text', 'weak-text'], (id) => (id === 'strong-text'
      ? { similarity: 20, profiles: [need, weakFacts] as const }
      : { similarity: 7, profiles: [need, output] as const }), options);
    expect(ranked[0]!.id).toBe('strong-text');
    const close = rankMatches(() => ['x', 'y'], (id) => (id === 'x'
      ? { similarity: 10, profiles: [need, weakFacts] as const }
      : { similarity: 9, profiles: [need, output] as const }), options);
    expect(close[0]!.id).toBe('y');
  });
});

describe('text similarity and evidence', () => {
  const index = () => {
    const i = new MatchIndex();
    i.add('delivery', { title: 'Delivery by cargo bike', body: 'Electric cargo bikes for urban logistics.' });
    i.add('bread', { title: 'Bread waste as a fermentation feedstock', body: 'Unsold bread is hydrolysed into a fermentation medium.' });
    i.add('residue', { title: 'Residue valorisation', body: 'Agricultural residue turned into feed.' });
    return i;
  };

  it('does not match one word of a multi-word synonym ("last" is not "last mile")', () => {
    // The output's "delivery" brings in its synonym "last mile"; the need's lone "last" is not it.
    const match = index().textMatch({ title: 'Juice bottles', body: 'Our bottles only last about a week in the shops.' }, { id: 'delivery' });
    expect(match.sharedTerms.map((t) => t.term)).not.toContain('last');
    expect(match.similarity).toBe(0);
  });

  it('gives no common ground for words both texts only gained by expansion', () => {
    const match = index().textMatch({ title: 'Our bread goes stale', body: 'The bread dries out.' }, { id: 'bread' });
    expect(match.sharedTerms.map((t) => t.word)).toEqual(['bread']);
  });

  it('keeps "by-product" one term, so "product" alone does not pull in waste synonyms', () => {
    expect(analyze('a by-product of pressing').terms).toEqual(['byproduct', 'press']);
    const i = index();
    expect(i.similarity({ title: 'New product', body: 'A product for shops.' }, { id: 'residue' })).toBe(0);
    const need = { title: 'Use for our by-product', body: 'The by-product of our mill is wasted.' };
    const match = i.textMatch(need, { id: 'residue' });
    const evidence = evidenceFor(match.sharedTerms, need, { title: 'Residue valorisation', body: 'Agricultural residue turned into feed.' });
    expect(evidence.map((e) => [e.need, e.output])).toContainEqual(['by-product', 'Residue']);
  });
});
