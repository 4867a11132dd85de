// `npm run bench:matching`: one JSON object on stdout; progress on stderr.
// The first import silences dotenv (loaded by natural's baselines) before anything else loads.
import './matching/quiet-natural';
import { cpus } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { evaluateCrossLingual } from './matching/cross-lingual-eval';
import { evaluateDomain } from './matching/domain-eval';
import { evaluateProduct } from './matching/product-eval';
import { runCranfield } from './matching/run-cranfield';
import { runScale100k, runScale10k } from './matching/scale';
import { log, round } from './matching/stats';

/** A forced GC makes the heap figure the index's, not garbage's; enabled at runtime. */
function exposeGc(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? () => (gc as () => void)() : undefined;
  } catch {
    return undefined;
  }
}

const started = performance.now();
const cranfield = runCranfield();
const product = await evaluateProduct();
log(`product nDCG@10 ${product.ndcg10.toFixed(4)}, unsupported evidence terms ${product.unsupportedTerms}`);
const domainResult = evaluateDomain();
log(`domain nDCG@10 ${domainResult.ndcg10.toFixed(4)} (text only ${domainResult.textOnlyNdcg10.toFixed(4)})`);
const domainNoSynonyms = evaluateDomain({ expansion: { synonyms: false } });
const domainRm3 = evaluateDomain({ expansion: { rm3: true } });
const crossLingual = await evaluateCrossLingual();
log(`cross-lingual nDCG@10 ${crossLingual.ndcg10.toFixed(4)} (same needs in English ${crossLingual.englishNdcg10.toFixed(4)})`);
const scale10k = runScale10k();
const scale100k = runScale100k(exposeGc());

const result = {
  product: {
    ndcg10: round(product.ndcg10, 4),
    mrr: round(product.mrr, 4),
    recall10: round(product.recall10, 4),
    emptyLists: product.emptyLists,
    note: 'the worker\'s MatchEngine with the default ranking options on fixtures/eval (34 needs × 100 outputs); MRR and recall@10 count outputs graded ≥ 2; emptyLists = needs with a grade-2+ output that got no matches',
  },
  explanations: {
    unsupportedTerms: product.unsupportedTerms + crossLingual.unsupportedTerms,
    evidenceTerms: product.evidenceTerms,
    explainedPairs: product.explainedPairs,
    note: 'evidence words not found as written in the text they are attributed to, over every explained pair of the product run and of the cross-lingual run',
  },
  cranfield,
  domain: {
    ndcg10: round(domainResult.ndcg10, 4),
    mrr: round(domainResult.mrr, 4),
    textOnly: { ndcg10: round(domainResult.textOnlyNdcg10, 4), mrr: round(domainResult.textOnlyMrr, 4) },
    withoutSynonyms: { ndcg10: round(domainNoSynonyms.ndcg10, 4), textOnlyNdcg10: round(domainNoSynonyms.textOnlyNdcg10, 4) },
    withRm3: { ndcg10: round(domainRm3.ndcg10, 4), textOnlyNdcg10: round(domainRm3.textOnlyNdcg10, 4) },
    note: 'research variants: the product\'s 40 text candidates re-ranked by the combined score without floor or top K; MRR counts outputs graded ≥ 2',
  },
  crossLingual: {
    ndcg10: round(crossLingual.ndcg10, 4),
    englishNdcg10: round(crossLingual.englishNdcg10, 4),
    ratio: round(crossLingual.ratio, 4),
    emptyLists: crossLingual.emptyLists,
    perLanguage: Object.fromEntries(
      Object.entries(crossLingual.perLanguage).map(([lang, r]) => [lang, { ndcg10: round(r.ndcg10, 4), englishNdcg10: round(r.englishNdcg10, 4), detected: r.detected }]),
    ),
    coverage: crossLingual.coverage,
    note: '20 needs of fixtures/eval translated (5 each de/es/fr/pt), language detected, ranked by the product path (as product) against the English outputs beside their English originals (title and problem on both sides); coverage = share of content words reaching English, by route',
  },
  scale: [scale10k, scale100k],
  run: { node: process.version, cpus: cpus().length, seconds: round((performance.now() - started) / 1000, 1) },
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
