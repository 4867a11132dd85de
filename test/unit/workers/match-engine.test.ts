import { describe, expect, it } from 'vitest';
import { MatchEngine, type MatchableNeed, type MatchableOutput, type MatchableSource } from '../../../workers/matching/match-engine';

const ORG_U = '000000000000000000000001';
const ORG_S = '000000000000000000000002';

function output(id: string, title: string, body: string, overrides: Partial<MatchableOutput['profile']> = {}): MatchableOutput {
  return {
    id,
    organizationId: ORG_U,
    text: { title, body },
    profile: { fields: ['energy'], sectors: ['C'], trl: 6, ipStatus: 'patent_pending', collaborationTypes: ['licensing'], governmentFunded: false, ...overrides },
  };
}

function need(id: string, title: string, body: string): MatchableNeed {
  return { id, organizationId: ORG_S, text: { title, body }, profile: { sectors: ['C'], minTrl: 5, collaborationTypes: ['licensing'] } };
}

function memorySource(outputs: MatchableOutput[], needs: MatchableNeed[]): MatchableSource & { outputs: Map<string, MatchableOutput>; needs: Map<string, MatchableNeed> } {
  const outputMap = new Map(outputs.map((o) => [o.id, o]));
  const needMap = new Map(needs.map((n) => [n.id, n]));
  return {
    outputs: outputMap,
    needs: needMap,
    async *allNeeds() { yield* needMap.values(); },
    async *allOutputs() { yield* outputMap.values(); },
    async need(id) { return needMap.get(id) ?? null; },
    async output(id) { return outputMap.get(id) ?? null; },
  };
}

const corpus = [
  output('o-heat', 'Waste heat recovery for industrial baking ovens', 'A heat exchanger recovers exhaust heat from tunnel ovens and preheats combustion air, cutting gas use by a fifth.'),
  output('o-film', 'Compostable starch packaging film', 'A biodegradable film for food packaging made from potato starch.'),
  output('o-vision', 'Camera inspection of weld seams', 'Deep learning detects defects in weld seams on production lines.'),
  output('o-heat-low-trl', 'Thermal storage for oven heat', 'Phase-change material stores oven exhaust heat between batches.', { trl: 2 }),
];
const needs = [need('n-oven', 'Our bakery ovens waste heat and gas', 'Gas bills doubled; hot exhaust from the ovens goes out of the chimney between batches.')];

describe('MatchEngine', () => {
  it('ranks the outputs that solve a need first and explains why', async () => {
    const engine = new MatchEngine(memorySource(corpus, needs), { topK: 3, candidates: 10, relativeFloor: 0.15, minSimilarity: 1 });
    await engine.loadAll();
    const matches = engine.matchesFor('need', 'n-oven');
    expect(matches[0]?.outputId).toBe('o-heat');
    expect(matches.map((m) => m.outputId)).not.toContain('o-vision');
    const words = matches[0]!.evidence.map((e) => e.need);
    expect(words.some((word) => word.startsWith('oven'))).toBe(true);
    expect(words).not.toContain('bakeri');
  });

  it('gives a pair the same score from either side', async () => {
    const engine = new MatchEngine(memorySource(corpus, needs), { topK: 3, candidates: 10, relativeFloor: 0.15, minSimilarity: 1 });
    await engine.loadAll();
    const fromNeed = engine.matchesFor('need', 'n-oven').find((m) => m.outputId === 'o-heat');
    const fromOutput = engine.matchesFor('output', 'o-heat').find((m) => m.needId === 'n-oven');
    expect(fromOutput?.score).toBe(fromNeed?.score);
  });

  it('scores an output below the need minimum TRL lower than the same text at a higher TRL', async () => {
    const same = { title: 'Thermal storage for oven heat', body: 'Phase-change material stores oven exhaust heat between batches.' };
    const source = memorySource([output('o-low', same.title, same.body, { trl: 2 }), output('o-high', same.title, same.body, { trl: 7 })], needs);
    const engine = new MatchEngine(source, { topK: 4, candidates: 10, relativeFloor: 0, minSimilarity: 0 });
    await engine.loadAll();
    const [first, second] = engine.matchesFor('need', 'n-oven');
    expect(first?.outputId).toBe('o-high');
    expect(first?.textSimilarity).toBe(second?.textSimilarity);
    expect(first!.score).toBeGreaterThan(second!.score);
  });

  it('follows refreshes: an archived output disappears, an edited need changes its matches', async () => {
    const source = memorySource(corpus, needs);
    const engine = new MatchEngine(source, { topK: 3, candidates: 10, relativeFloor: 0.15, minSimilarity: 1 });
    await engine.loadAll();
    source.outputs.delete('o-heat');
    expect(await engine.refresh('output', 'o-heat')).toBe(false);
    expect(engine.matchesFor('need', 'n-oven').map((m) => m.outputId)).not.toContain('o-heat');

    source.needs.set('n-oven', need('n-oven', 'Plastic-free packaging for our bread', 'Customers want compostable bags instead of plastic film.'));
    await engine.refresh('need', 'n-oven');
    expect(engine.matchesFor('need', 'n-oven')[0]?.outputId).toBe('o-film');
    expect(engine.matchesFor('output', 'o-unknown')).toEqual([]);
  });

  it('lists only candidates whose text is close to the best one, however well the structure fits', async () => {
    const engine = new MatchEngine(memorySource(corpus, needs), { topK: 4, candidates: 10, relativeFloor: 0.15, minSimilarity: 1 });
    await engine.loadAll();
    const matches = engine.matchesFor('need', 'n-oven');
    const best = Math.max(...matches.map((m) => m.textSimilarity));
    expect(matches.length).toBeGreaterThan(0);
    for (const match of matches) expect(match.textSimilarity).toBeGreaterThanOrEqual(0.15 * best - 0.01);
    expect(matches.map((m) => m.outputId)).not.toContain('o-vision');
  });

  it('is deterministic: the same data gives the same list', async () => {
    const a = new MatchEngine(memorySource(corpus, needs), { topK: 4, candidates: 10, relativeFloor: 0.15, minSimilarity: 1 });
    const b = new MatchEngine(memorySource(corpus, needs), { topK: 4, candidates: 10, relativeFloor: 0.15, minSimilarity: 1 });
    await a.loadAll();
    await b.loadAll();
    expect(a.matchesFor('need', 'n-oven')).toEqual(b.matchesFor('need', 'n-oven'));
  });
});
