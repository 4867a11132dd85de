// Display similarity: cosine between the two documents' BM25-weighted term vectors
// (weight = idf · saturated field-weighted tf, with the index's current statistics), ×100.
// Cosine is symmetric and bounded, so 0–100 values are comparable across pairs, unlike raw
// BM25 scores, which grow with query length. Each shared term's part of the cosine is its
// contribution, so the contributions of an explanation add up to the similarity.
import type { AnalyzedDoc } from '../text/document';
import { idf, saturate, weightedTf } from './bm25';
import { expandWithSynonyms, type ExpandedWeight } from './expansion';
import type { MatchIndex } from './match-index';

export interface SharedTerm {
  /** Internal term (a stem). */
  term: string;
  /** Readable word for people: the most frequent surface form of the stem. */
  word: string;
  /** Similarity points (0–100 scale) this term contributes. */
  contribution: number;
  /** Set when the term matched through a synonym of this query word. */
  via?: string;
}

export interface TextMatch {
  similarity: number;
  sharedTerms: SharedTerm[];
}

export function vectorOfAnalyzed(index: MatchIndex, doc: AnalyzedDoc): Map<string, number> {
  const { postings, avgLength, docCount, params } = index.view();
  const length = params.titleWeight * doc.titleLength + params.bodyWeight * doc.bodyLength;
  const vector = new Map<string, number>();
  for (const [term, counts] of doc.counts) {
    const id = index.termId(term);
    const df = id === undefined ? 0 : postings.df[id]!;
    const wtf = params.titleWeight * counts.title + params.bodyWeight * counts.body;
    vector.set(term, idf(df, docCount) * saturate(wtf, length, avgLength || length, params));
  }
  return vector;
}

export function vectorOfSlot(index: MatchIndex, slot: number): Map<string, number> {
  const stored = index.storedDoc(slot);
  const vector = new Map<string, number>();
  if (!stored) return vector;
  const { postings, avgLength, docCount, params } = index.view();
  const length = index.lengthOfSlot(slot);
  for (let i = 0; i < stored.terms.length; i++) {
    const id = stored.terms[i]!;
    const wtf = weightedTf(stored.tfs[i]!, params);
    vector.set(index.termName(id), idf(postings.df[id]!, docCount) * saturate(wtf, length, avgLength, params));
  }
  return vector;
}

export function textMatch(index: MatchIndex, a: Map<string, number>, b: Map<string, number>, maxTerms = 8): TextMatch {
  const { synonyms, synonymWeight } = index.options.expansion;
  const ea = synonyms ? expandWithSynonyms(a, synonymWeight) : plain(a);
  const eb = synonyms ? expandWithSynonyms(b, synonymWeight) : plain(b);
  const norm = Math.sqrt(sumSquares(ea)) * Math.sqrt(sumSquares(eb));
  if (norm === 0) return { similarity: 0, sharedTerms: [] };
  const [small, large] = ea.size <= eb.size ? [ea, eb] : [eb, ea];
  const shared: SharedTerm[] = [];
  for (const [term, x] of small) {
    const y = large.get(term);
    if (y === undefined) continue;
    const contribution = (100 * x.weight * y.weight) / norm;
    const viaStems = x.via ?? y.via;
    const via = viaStems?.split(' ').map((stem) => index.surfaces.readable(stem)).join(' ');
    shared.push({ term, word: index.surfaces.readable(term), contribution, ...(via ? { via } : {}) });
  }
  shared.sort((p, q) => q.contribution - p.contribution || (p.term < q.term ? -1 : 1));
  const similarity = Math.min(100, shared.reduce((sum, t) => sum + t.contribution, 0));
  return { similarity, sharedTerms: shared.slice(0, maxTerms) };
}

function plain(vector: Map<string, number>): Map<string, ExpandedWeight> {
  const out = new Map<string, ExpandedWeight>();
  for (const [term, weight] of vector) out.set(term, { weight });
  return out;
}

function sumSquares(vector: Map<string, ExpandedWeight>): number {
  let sum = 0;
  for (const { weight } of vector.values()) sum += weight * weight;
  return sum;
}
