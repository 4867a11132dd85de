import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MatchIndex, type SearchHit, type TextDoc } from '../../../matching';

const WORDS = ['battery', 'storage', 'solar', 'corrosion', 'coating', 'steel', 'bread', 'mould', 'water', 'sensor', 'wine', 'robot', 'vision', 'heat', 'pump'];
const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const QUERIES = ['battery storage', 'corrosion steel coating', 'bread mould water', 'sensor robot vision heat pump', 'wine', 'solar battery heat'];

const words = (max: number) => fc.array(fc.constantFrom(...WORDS), { maxLength: max }).map((w) => w.join(' '));
const doc = fc.record({ title: words(4), body: words(12) });
const operation = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), id: fc.constantFrom(...IDS), doc }),
  fc.record({ kind: fc.constant('update' as const), id: fc.constantFrom(...IDS), doc }),
  fc.record({ kind: fc.constant('remove' as const), id: fc.constantFrom(...IDS) }),
);

const options = { expansion: { synonyms: false, rm3: false } } as const;

/** Same ids with scores within 1e-9, and the order agrees wherever scores differ. */
function expectSameRanking(actual: SearchHit[], expected: SearchHit[]) {
  expect(actual.map((h) => h.id).sort()).toEqual(expected.map((h) => h.id).sort());
  const expectedScore = new Map(expected.map((h) => [h.id, h.score]));
  for (const hit of actual) expect(Math.abs(hit.score - expectedScore.get(hit.id)!)).toBeLessThan(1e-9);
  for (let i = 1; i < actual.length; i++) {
    expect(expectedScore.get(actual[i]!.id)!).toBeLessThanOrEqual(expectedScore.get(actual[i - 1]!.id)! + 1e-9);
  }
}

describe('incremental index', () => {
  it('ranks like an index built from scratch after any add/update/remove sequence', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), (operations) => {
        const incremental = new MatchIndex(options);
        const final = new Map<string, TextDoc>();
        for (const op of operations) {
          if (op.kind === 'remove') {
            expect(incremental.remove(op.id)).toBe(final.delete(op.id));
          } else if (op.kind === 'add' && !incremental.has(op.id)) {
            incremental.add(op.id, op.doc);
            final.set(op.id, op.doc);
          } else {
            incremental.update(op.id, op.doc);
            final.set(op.id, op.doc);
          }
        }
        const scratch = new MatchIndex(options);
        for (const [id, d] of [...final].reverse()) scratch.add(id, d);
        expect(incremental.size).toBe(scratch.size);
        for (const query of QUERIES) {
          expectSameRanking(incremental.search(query, { k: 100, explain: false }), scratch.search(query, { k: 100, explain: false }));
          const top = incremental.search(query, { k: 3, explain: false }).map((h) => h.score);
          const expectedTop = scratch.search(query, { k: 3, explain: false }).map((h) => h.score);
          expect(top.length).toBe(expectedTop.length);
          top.forEach((score, i) => expect(Math.abs(score - expectedTop[i]!)).toBeLessThan(1e-9));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('rejects adding an existing id and reports removals of unknown ids', () => {
    const index = new MatchIndex();
    index.add('x', { title: 'solar', body: 'battery' });
    expect(() => index.add('x', { title: 'again', body: '' })).toThrow(/already indexed/);
    expect(index.remove('nope')).toBe(false);
    expect(index.remove('x')).toBe(true);
    expect(index.size).toBe(0);
    expect(index.search('solar battery', { k: 5 })).toEqual([]);
  });

  it('keeps statistics right after removing most documents (list compaction)', () => {
    const index = new MatchIndex(options);
    for (let i = 0; i < 200; i++) index.add(`d${i}`, { title: i % 2 ? 'solar battery' : 'steel corrosion', body: `battery ${'storage '.repeat(i % 5)}` });
    for (let i = 0; i < 190; i++) index.remove(`d${i}`);
    const scratch = new MatchIndex(options);
    for (let i = 190; i < 200; i++) scratch.add(`d${i}`, { title: i % 2 ? 'solar battery' : 'steel corrosion', body: `battery ${'storage '.repeat(i % 5)}` });
    expectSameRanking(index.search('battery storage', { k: 20 }), scratch.search('battery storage', { k: 20 }));
  });
});
