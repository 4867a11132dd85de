// Property: for random pairs of listings, every evidence word or phrase occurs, as written, in the
// text it is attributed to, and none is a number, a stop word, or a word shown twice. Checked with
// occursIn (a plain word-sequence search), independent of how the evidence was located.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVAL_NEEDS, EVAL_OUTPUTS } from '../../../fixtures/eval';
import { evidenceFor, foldText, isStopWord, MatchIndex, occursIn, type TextDoc } from '../../../matching';
import { SYNONYM_GROUPS } from '../../../matching/synonym-groups';
import { needMatchingText } from '../../../server/modules/needs/service';
import { outputMatchingText } from '../../../server/modules/research-outputs/service';

const NEEDS = EVAL_NEEDS.map(needMatchingText);
const OUTPUTS = EVAL_OUTPUTS.map(outputMatchingText);

// Words that provoked wrong evidence before: synonym members (multi-word ones split apart),
// stop words, numbers and units, hyphenated compounds, different casing.
const PIECES = [
  ...SYNONYM_GROUPS.flat(), 'last', 'mile', 'by-product', 'By-products', 'product', 'goods', 'two', '15%', '3 days',
  'the', 'of', 'and', 'Bread', 'bakeries', 'fermented', 'shelf', 'life', 'Stale', 'keeps', 'food',
];
const piece = fc.constantFrom(...PIECES);
const randomText = fc.record({
  title: fc.array(piece, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
  body: fc.array(piece, { minLength: 3, maxLength: 30 }).map((w) => w.join(' ')),
});

function check(index: MatchIndex, need: TextDoc, outputId: string, output: TextDoc): void {
  const match = index.textMatch(need, { id: outputId });
  const evidence = evidenceFor(match.sharedTerms, need, output);
  const needText = `${need.title}\n${need.body}`;
  const outputText = `${output.title}\n${output.body}`;
  const seen = new Set<string>();
  for (const e of evidence) {
    expect(occursIn(needText, e.need), `"${e.need}" in the need`).toBe(true);
    expect(occursIn(outputText, e.output), `"${e.output}" in the output`).toBe(true);
    for (const word of [e.need, e.output]) {
      expect(word).not.toMatch(/\d/);
      expect(isStopWord(foldText(word)), `"${word}" is a stop word`).toBe(false);
    }
    for (const key of [`need:${foldText(e.need)}`, `output:${foldText(e.output)}`]) {
      expect(seen.has(key), `${key} shown twice`).toBe(false);
      seen.add(key);
    }
  }
}

describe('explanation evidence', () => {
  it('occurs as written in the attributed text, for random pairs of listings', () => {
    const index = new MatchIndex();
    OUTPUTS.forEach((output, i) => index.add(String(i), output));
    fc.assert(
      fc.property(fc.nat({ max: NEEDS.length - 1 }), fc.nat({ max: OUTPUTS.length - 1 }), (n, o) => check(index, NEEDS[n]!, String(o), OUTPUTS[o]!)),
      { numRuns: 300 },
    );
  });

  it('occurs as written in the attributed text, for random texts full of synonyms, numbers and stop words', () => {
    fc.assert(
      fc.property(randomText, fc.array(randomText, { minLength: 1, maxLength: 6 }), (need, outputs) => {
        const index = new MatchIndex();
        outputs.forEach((output, i) => index.add(String(i), output));
        outputs.forEach((output, i) => check(index, need, String(i), output));
      }),
      { numRuns: 200 },
    );
  });
});
