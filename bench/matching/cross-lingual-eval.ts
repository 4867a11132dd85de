// Cross-lingual evaluation: the translated needs of fixtures/eval/translations.ts ranked against
// the 100 English outputs, beside their English originals ranked the same way; and the share of
// listing words each bridged language reaches through the term table (coverage).
import { EVAL_NEEDS, EVAL_OUTPUTS } from '../../fixtures/eval/index';
import { TRANSLATED_NEEDS } from '../../fixtures/eval/translations';
import { needs as seedNeeds } from '../../fixtures/seed/needs';
import { researchOutputs as seedOutputs } from '../../fixtures/seed/research-outputs';
import { compatibility, combine } from '../../matching/compatibility';
import { mean, ndcgAtK } from '../../matching/evaluate';
import { MatchIndex } from '../../matching/index/match-index';
import { bridgeWord, type BridgeKind } from '../../matching/lang/bridge';
import { detectLanguage } from '../../matching/lang/detect';
import { isBridged, isStopWordIn, type BridgedLanguage } from '../../matching/lang/languages';
import { termTable } from '../../matching/lang/table-file';
import { forEachToken } from '../../matching/text/normalize';
import type { TextDoc } from '../../matching/text/document';

/** Same retrieval depth as the domain evaluation. */
const CANDIDATES = 30;

export interface CrossLingualResult {
  ndcg10: number;
  englishNdcg10: number;
  ratio: number;
  /** Translated needs with a grade-2 output in the set that got no candidate at all. */
  emptyLists: number;
  /** Per language: nDCG@10 of its five needs and of their English originals. */
  perLanguage: Record<string, { ndcg10: number; englishNdcg10: number; detected: string }>;
  /** Per language: share of content words (tokens) bridged, by route. */
  coverage: Record<string, Record<BridgeKind | 'bridged', number>>;
}

function rank(index: MatchIndex, need: (typeof EVAL_NEEDS)[number], doc: TextDoc): string[] {
  const outputs = new Map(EVAL_OUTPUTS.map((o) => [o.id, o]));
  return index
    .search(doc, { k: CANDIDATES })
    .map((h) => ({ id: h.id, score: combine(h.similarity, compatibility(need, outputs.get(h.id)!)).score }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .map((h) => h.id);
}

export function evaluateCrossLingual(): CrossLingualResult {
  const index = new MatchIndex();
  for (const output of EVAL_OUTPUTS) index.add(output.id, { title: output.title, body: output.summary });
  const byId = new Map(EVAL_NEEDS.map((n) => [n.id, n]));
  const scores: Record<string, { x: number[]; en: number[]; detected: Set<string> }> = {};
  let emptyLists = 0;
  for (const translated of TRANSLATED_NEEDS) {
    const need = byId.get(translated.of)!;
    const judgements = new Map(Object.entries(need.judgements));
    // The language is detected as the service does on create, not taken from the fixture.
    const lang = detectLanguage(`${translated.title}\n${translated.problem}`);
    const ranking = rank(index, need, { title: translated.title, body: translated.problem, lang });
    const english = rank(index, need, { title: need.title, body: need.problem });
    if (ranking.length === 0 && Object.values(need.judgements).some((g) => g >= 2)) emptyLists++;
    const entry = (scores[translated.lang] ??= { x: [], en: [], detected: new Set() });
    entry.x.push(ndcgAtK(ranking, judgements, 10));
    entry.en.push(ndcgAtK(english, judgements, 10));
    entry.detected.add(lang);
  }
  const all = Object.values(scores);
  const ndcg10 = mean(all.flatMap((s) => s.x));
  const englishNdcg10 = mean(all.flatMap((s) => s.en));
  const perLanguage = Object.fromEntries(
    Object.entries(scores).map(([lang, s]) => [lang, { ndcg10: mean(s.x), englishNdcg10: mean(s.en), detected: [...s.detected].join(',') }]),
  );
  return { ndcg10, englishNdcg10, ratio: englishNdcg10 > 0 ? ndcg10 / englishNdcg10 : 0, emptyLists, perLanguage, coverage: coverage() };
}

/**
 * Share of content words (stop words and numbers excluded) of the translated needs and of the
 * non-English demo listings (fixtures/seed) that reach
 * English, and by which route (each word alone: adjacent pairs such as "vida útil" come on top).
 */
function coverage(): CrossLingualResult['coverage'] {
  const table = termTable();
  const out: CrossLingualResult['coverage'] = {};
  if (!table) return out;
  const texts = new Map<BridgedLanguage, string[]>();
  const add = (lang: BridgedLanguage, ...parts: string[]) => texts.set(lang, [...(texts.get(lang) ?? []), ...parts]);
  for (const t of TRANSLATED_NEEDS) add(t.lang, t.title, t.problem);
  for (const listing of [...seedNeeds.map((n) => [n.title, n.problem, n.desiredOutcome]), ...seedOutputs.map((o) => [o.title, o.summary])]) {
    const lang = detectLanguage(listing.join('\n'));
    if (isBridged(lang)) add(lang, ...listing);
  }
  for (const [lang, list] of texts) {
    const counts: Record<BridgeKind, number> = { dictionary: 0, compound: 0, cognate: 0, none: 0 };
    let total = 0;
    for (const text of list) {
      forEachToken(text, (word, quantity) => {
        if (quantity || word.length < 2 || isStopWordIn(lang, word) || /^\d/.test(word)) return;
        total++;
        counts[bridgeWord(table, lang, word).kind]++;
      });
    }
    const share = (n: number) => Math.round((1000 * n) / total) / 1000;
    out[lang] = {
      bridged: share(total - counts.none),
      dictionary: share(counts.dictionary),
      compound: share(counts.compound),
      cognate: share(counts.cognate),
      none: share(counts.none),
    };
  }
  return out;
}
