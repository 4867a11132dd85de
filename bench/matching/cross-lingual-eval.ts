// Cross-lingual evaluation: the translated needs of fixtures/eval/translations.ts ranked against
// the 100 English outputs, beside their English originals ranked the same way; and the share of
// listing words each bridged language reaches through the term table (coverage).
import { EVAL_NEEDS, EVAL_OUTPUTS } from '../../fixtures/eval/index';
import { TRANSLATED_NEEDS } from '../../fixtures/eval/translations';
import { needs as seedNeeds } from '../../fixtures/seed/needs';
import { researchOutputs as seedOutputs } from '../../fixtures/seed/research-outputs';
import { mean } from '../../matching/evaluate';
import { bridgeWord, type BridgeKind } from '../../matching/lang/bridge';
import { detectLanguage } from '../../matching/lang/detect';
import { isBridged, isStopWordIn, type BridgedLanguage } from '../../matching/lang/languages';
import { termTable } from '../../matching/lang/table-file';
import { forEachToken } from '../../matching/text/normalize';
import type { EvalNeed } from '../../fixtures/eval/types';
import { evaluateProduct, type ProductResult } from './product-eval';

export interface CrossLingualResult {
  ndcg10: number;
  englishNdcg10: number;
  ratio: number;
  /** Translated needs with a grade-2 output in the set whose match list is empty. */
  emptyLists: number;
  /** Evidence words of the translated needs' explained pairs not found as written in their text. */
  unsupportedTerms: number;
  /** Per language: nDCG@10 of its five needs and of their English originals. */
  perLanguage: Record<string, { ndcg10: number; englishNdcg10: number; detected: string }>;
  /** Per language: share of content words (tokens) bridged, by route. */
  coverage: Record<string, Record<BridgeKind | 'bridged', number>>;
}

/**
 * Each language's translated needs and their English originals, ranked by the product's own path
 * (evaluateProduct: the worker's MatchEngine and defaults). Both sides use title and problem only,
 * as the translations do; the language is detected as the service does on create.
 */
export async function evaluateCrossLingual(): Promise<CrossLingualResult> {
  const byId = new Map(EVAL_NEEDS.map((n) => [n.id, n]));
  const perLanguage: CrossLingualResult['perLanguage'] = {};
  const translatedRuns: ProductResult[] = [];
  const englishRuns: ProductResult[] = [];
  const languages = [...new Set(TRANSLATED_NEEDS.map((t) => t.lang))];
  for (const lang of languages) {
    const group = TRANSLATED_NEEDS.filter((t) => t.lang === lang);
    const detected = new Set<string>();
    const translated: Array<EvalNeed & { language: string }> = group.map((t) => {
      const language = detectLanguage(`${t.title}\n${t.problem}`);
      detected.add(language);
      const { desiredOutcome: _omitted, ...original } = byId.get(t.of)!;
      return { ...original, id: `${t.of}-${lang}`, title: t.title, problem: t.problem, language };
    });
    const originals: EvalNeed[] = group.map((t) => {
      const { desiredOutcome: _omitted, ...original } = byId.get(t.of)!;
      return original;
    });
    const x = await evaluateProduct(translated, EVAL_OUTPUTS);
    const en = await evaluateProduct(originals, EVAL_OUTPUTS);
    translatedRuns.push(x);
    englishRuns.push(en);
    perLanguage[lang] = { ndcg10: x.ndcg10, englishNdcg10: en.ndcg10, detected: [...detected].join(',') };
  }
  // Every language has five needs, so the mean of the language means is the mean over all needs.
  const ndcg10 = mean(translatedRuns.map((r) => r.ndcg10));
  const englishNdcg10 = mean(englishRuns.map((r) => r.ndcg10));
  return {
    ndcg10,
    englishNdcg10,
    ratio: englishNdcg10 > 0 ? ndcg10 / englishNdcg10 : 0,
    emptyLists: translatedRuns.reduce((sum, r) => sum + r.emptyLists, 0),
    unsupportedTerms: translatedRuns.reduce((sum, r) => sum + r.unsupportedTerms, 0),
    perLanguage,
    coverage: coverage(),
  };
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
