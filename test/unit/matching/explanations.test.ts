import { describe, expect, it } from 'vitest';
import { evidenceFor, explainMatch, MatchIndex, type NeedProfile, type OutputProfile, type TextDoc } from '../../../matching';

const OUTPUT_TEXTS: Record<string, TextDoc> = {
  mpc: { title: 'Model-predictive control of gas-fired batch thermal processes', body: 'A model-predictive control scheme for industrial furnaces and ovens reduces fuel consumption by modulating burners during idle phases.' },
  battery: { title: 'State-of-health estimation for traction batteries', body: 'Impedance spectroscopy estimates the health of lithium-ion batteries in forklifts.' },
  coating: { title: 'Graphene primers against corrosion', body: 'Graphene epoxy primers protect structural steel against corrosion in seawater.' },
};

function outputsIndex() {
  const index = new MatchIndex();
  for (const [id, text] of Object.entries(OUTPUT_TEXTS)) index.add(id, text);
  return index;
}

describe('text similarity', () => {
  it('is symmetric, 0–100, and 100 for identical texts', () => {
    const index = outputsIndex();
    const a = { title: 'Bakery ovens waste gas', body: 'Our ovens stay hot when empty and burn too much gas.' };
    const ab = index.similarity(a, { id: 'mpc' });
    expect(ab).toBeGreaterThan(0);
    expect(ab).toBeLessThanOrEqual(100);
    expect(index.similarity({ id: 'mpc' }, a)).toBeCloseTo(ab, 10);
    expect(index.similarity({ id: 'mpc' }, { id: 'mpc' })).toBeCloseTo(100, 6);
    expect(index.similarity(a, { id: 'coating' })).toBe(0);
  });

  it('gives the same similarity as the explained match, for every pair', () => {
    const index = outputsIndex();
    const texts = ['Bakery ovens waste gas when idle', 'forklift battery health', 'corrosion of steel in seawater with graphene', 'energy storage'];
    for (const text of texts) {
      const prepared = index.prepare(text);
      for (const id of ['mpc', 'battery', 'coating']) {
        expect(index.similarity(prepared, { id })).toBeCloseTo(index.textMatch(prepared, { id }).similarity, 9);
      }
    }
  });

  it('explains hits with readable shared words whose contributions add up', () => {
    const index = outputsIndex();
    const [hit] = index.search('our forklift batteries lose their health', { k: 1 });
    expect(hit!.id).toBe('battery');
    const words = hit!.sharedTerms.map((t) => t.word);
    expect(words).toEqual(expect.arrayContaining(['batteries', 'forklifts', 'health']));
    const total = hit!.sharedTerms.reduce((sum, t) => sum + t.contribution, 0);
    expect(total).toBeCloseTo(hit!.similarity, 6);
  });

  it('bridges vocabulary through synonyms and says which word they stand for', () => {
    const index = outputsIndex();
    const hits = index.search('rust on steel trailers', { k: 3 });
    expect(hits[0]!.id).toBe('coating');
    const viaRust = hits[0]!.sharedTerms.find((t) => t.word === 'corrosion');
    expect(viaRust?.via).toBe('rust');
  });
});

describe('explainMatch', () => {
  const need: NeedProfile = { sectors: ['C'], minTrl: 4, collaborationTypes: ['licensing'] };
  const output: OutputProfile = {
    fields: ['energy'], sectors: ['C'], trl: 6, ipStatus: 'patent_pending',
    collaborationTypes: ['licensing', 'contract_research'], governmentFunded: true,
  };

  it('gives a score, the shared words and one readable sentence per signal', () => {
    const index = outputsIndex();
    const needText = { title: 'Bakery ovens waste gas', body: 'Our ovens burn too much gas when idle.' };
    const match = index.textMatch(needText, { id: 'mpc' });
    const evidence = evidenceFor(match.sharedTerms, needText, OUTPUT_TEXTS.mpc!);
    const explanation = explainMatch({ similarity: match.similarity, evidence }, need, output);
    expect(explanation.score).toBeGreaterThan(40);
    expect(explanation.evidence.map((e) => e.need)).toContain('ovens');
    expect(explanation.sentences[0]).toMatch(/^Both texts talk about .*ovens/);
    expect(explanation.sentences).toContain('Ready enough: TRL 6, your minimum is 4.');
    expect(explanation.sentences).toContain('Patent pending, offered for licensing.');
    expect(explanation.signals.map((s) => s.name)).toEqual(['sector', 'trl', 'collaboration', 'ip', 'governmentFunding']);
  });

  it('says so when texts share nothing', () => {
    const explanation = explainMatch({ similarity: 0, evidence: [] }, need, { ...output, trl: 2 });
    expect(explanation.sentences[0]).toMatch(/share no distinctive words/);
    expect(explanation.signals.find((s) => s.name === 'trl')!.effect).toBe('negative');
  });
});
