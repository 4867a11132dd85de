// The two baselines, measured in the same run as the engine:
// - wink-bm25-text-search with its README preparation through wink-nlp-utils
//   (lower-case, tokenise, remove stop words, stem, propagate negations);
// - natural's TfIdf.tfidfs, which scores every document for every query.
import TfIdf from 'natural/lib/natural/tfidf/tfidf';
import bm25 from 'wink-bm25-text-search';
import nlp from 'wink-nlp-utils';

export interface BaselineEngine {
  add(id: string, text: string): void;
  /** Call once after the last add. */
  finish(): void;
  search(text: string, k: number): string[];
}

export function winkBm25(): BaselineEngine {
  const engine = bm25();
  engine.defineConfig({ fldWeights: { text: 1 } });
  engine.definePrepTasks([
    nlp.string.lowerCase,
    nlp.string.tokenize0,
    nlp.tokens.removeWords,
    nlp.tokens.stem,
    nlp.tokens.propagateNegations,
  ] as Array<(input: unknown) => unknown>);
  return {
    add: (id, text) => void engine.addDoc({ text }, id),
    finish: () => void engine.consolidate(),
    search: (text, k) => engine.search(text, k).map(([id]) => String(id)),
  };
}

export function naturalTfIdf(): BaselineEngine {
  const tfidf = new TfIdf();
  const ids: string[] = [];
  return {
    add: (id, text) => {
      ids.push(id);
      tfidf.addDocument(text);
    },
    finish: () => undefined,
    search: (text, k) => {
      const scores = tfidf.tfidfs(text);
      const order = scores.map((score, i) => ({ score, i })).filter((e) => e.score > 0);
      order.sort((a, b) => b.score - a.score || a.i - b.i);
      return order.slice(0, k).map((e) => ids[e.i]!);
    },
  };
}
