import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import type { MatchEntry } from '../../../server/modules/matches/model';

const NEED = 'a'.repeat(24);
const OUTPUT = 'b'.repeat(24);
const OTHER_OUTPUT = 'c'.repeat(24);

function entry(outputId: string, score: number): MatchEntry {
  return { needId: NEED, outputId, needOrganizationId: 'd'.repeat(24), outputOrganizationId: 'e'.repeat(24), score, textSimilarity: score, evidence: [{ need: 'ovens', output: 'ovens', contribution: score, kind: 'same' }] };
}

async function generationCollections(ctx: TestApp): Promise<string[]> {
  const collections = await ctx.app.mongo.db!.listCollections({}, { nameOnly: true }).toArray();
  return collections.map((c) => c.name).filter((name) => name.startsWith('matchlists_')).sort();
}

describe('match list generations (the full rescore writes a new one and switches to it)', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(async () => ctx.close());

  it('keeps readers on the old lists until the switch, then drops lists that were not rewritten', async () => {
    const store = ctx.app.services.matchStore;
    await store.replaceOwn('need', NEED, [entry(OUTPUT, 60)]);
    await store.replaceOwn('output', OTHER_OUTPUT, []);
    expect((await store.matchesOf('need', NEED)).map((e) => e.outputId)).toEqual([OUTPUT]);

    const generation = await store.beginGeneration('first', new Date());
    const fresh = [entry(OTHER_OUTPUT, 70), entry(OUTPUT, 50)];
    await generation.add('need', NEED, fresh.map((e) => JSON.stringify(e)), []);
    // Not switched yet: readers still see the old list.
    expect((await store.matchesOf('need', NEED)).map((e) => e.outputId)).toEqual([OUTPUT]);

    await generation.commit();
    expect((await store.matchesOf('need', NEED)).map((e) => [e.outputId, e.score])).toEqual([[OTHER_OUTPUT, 70], [OUTPUT, 50]]);
    // The output's list was not part of the new generation (its item is no longer published).
    expect(await store.listOf('output', OTHER_OUTPUT)).toBeNull();
  });

  it('keeps the best incoming pairs only, and at most two generations', async () => {
    const store = ctx.app.services.matchStore;
    for (const name of ['second', 'third']) {
      const generation = await store.beginGeneration(name, new Date());
      const incoming = Array.from({ length: 60 }, (_, i) => {
        const needId = i.toString(16).padStart(24, '0');
        const pair = { ...entry(OUTPUT, i), needId };
        return { counterpartId: needId, score: i, key: `${needId}:${OUTPUT}`, json: JSON.stringify(pair) };
      });
      await generation.add('output', OUTPUT, [], incoming);
      await generation.commit();
    }
    const scores = (await store.matchesOf('output', OUTPUT)).map((e) => e.score);
    // MATCH_TOP_K is 20 in tests: 2 × 20 incoming pairs are kept, the best ones.
    expect(scores).toEqual(Array.from({ length: 40 }, (_, i) => 59 - i));
    expect(await generationCollections(ctx)).toEqual(['matchlists_second', 'matchlists_third']);
  });
});
