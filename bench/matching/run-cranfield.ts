// Cranfield: the engine (product defaults, and with RM3 on) against both baselines, same run.
import { mean, ndcgAtK } from '../../matching/evaluate';
import { naturalTfIdf, winkBm25, type BaselineEngine } from './baselines';
import { loadCranfield, type Cranfield } from './cranfield';
import { evaluateEngineOnCranfield } from './cranfield-eval';
import { log, round } from './stats';

function evaluateBaseline(data: Cranfield, engine: BaselineEngine): number {
  for (const doc of data.docs) engine.add(doc.id, `${doc.title} ${doc.text}`);
  engine.finish();
  return mean(data.queries.map((q) => ndcgAtK(engine.search(q.text, 10), data.qrels.get(q.id) ?? new Map(), 10)));
}

export function runCranfield() {
  const data = loadCranfield();
  log(`cranfield: ${data.docs.length} docs, ${data.queries.length} queries`);
  const withRm3 = evaluateEngineOnCranfield(data, { expansion: { rm3: true } });
  const defaults = evaluateEngineOnCranfield(data);
  const plainBm25 = evaluateEngineOnCranfield(data, { expansion: { rm3: false, synonyms: false } });
  const withPhrases = evaluateEngineOnCranfield(data, { phrases: true, expansion: { rm3: true } });
  const wink = evaluateBaseline(data, winkBm25());
  const natural = evaluateBaseline(data, naturalTfIdf());
  log(`cranfield nDCG@10: engine+RM3 ${withRm3.toFixed(4)}, defaults ${defaults.toFixed(4)}, wink ${wink.toFixed(4)}, natural ${natural.toFixed(4)}`);
  return {
    ndcg10: round(withRm3, 4),
    config: 'BM25F k1=1.2 b=0.5 title×2, synonyms, RM3 (5 docs, 10 terms, λ=0.5)',
    ratioVsWink: round(withRm3 / wink, 3),
    variants: {
      productDefaults: round(defaults, 4),
      plainBm25: round(plainBm25, 4),
      rm3WithPhrases: round(withPhrases, 4),
    },
    baselines: { wink_bm25: round(wink, 4), natural_tfidf: round(natural, 4) },
  };
}
