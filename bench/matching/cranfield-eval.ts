// nDCG@10 of the matching engine on Cranfield for a given index configuration.
import { MatchIndex, type MatchIndexInit } from '../../matching/index/match-index';
import { mean, ndcgAtK } from '../../matching/evaluate';
import type { Cranfield } from './cranfield';

export function evaluateEngineOnCranfield(data: Cranfield, options: MatchIndexInit = {}): number {
  const index = new MatchIndex(options);
  for (const doc of data.docs) index.add(doc.id, { title: doc.title, body: doc.text, lang: 'en' });
  const scores = data.queries.map((query) => {
    const hits = index.search({ title: '', body: query.text, lang: 'en' }, { k: 10, explain: false });
    return ndcgAtK(hits.map((h) => h.id), data.qrels.get(query.id) ?? new Map(), 10);
  });
  return mean(scores);
}
