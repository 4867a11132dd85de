// `npm run bench:matching`: one JSON object on stdout; progress on stderr.
// The first import silences dotenv (loaded by natural's baselines) before anything else loads.
import './matching/quiet-natural';
import { cpus } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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
  explanations: { unsupportedTerms: product.unsupportedTerms, evidenceTerms: product.evidenceTerms, explainedPairs: product.explainedPairs },
  cranfield,
  domain: {
    ndcg10: round(domainResult.ndcg10, 4),
    mrr: round(domainResult.mrr, 4),
    textOnly: { ndcg10: round(domainResult.textOnlyNdcg10, 4), mrr: round(domainResult.textOnlyMrr, 4) },
    withoutSynonyms: { ndcg10: round(domainNoSynonyms.ndcg10, 4), textOnlyNdcg10: round(domainNoSynonyms.textOnlyNdcg10, 4) },
    withRm3: { ndcg10: round(domainRm3.ndcg10, 4), textOnlyNdcg10: round(domainRm3.textOnlyNdcg10, 4) },
    note: 'research variants: the product\'s 40 text candidates re-ranked by the combined score without floor or top K; MRR counts outputs graded ≥ 2',
  },
  scale: [scale10k, scale100k],
  run: { node: process.version, cpus: cpus().length, seconds: round((performance.now() - started) / 1000, 1) },
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
