// BM25 with field weights (the simple BM25F of Robertson et al.: field term frequencies and
// lengths are weighted and summed before one saturation), so a title word counts more than a
// body word without scoring the fields separately.

export interface Bm25Params {
  /** Term-frequency saturation; higher lets repeated words keep adding score. */
  k1: number;
  /** Length normalisation, 0 (none) to 1 (full). */
  b: number;
  titleWeight: number;
  bodyWeight: number;
}

/** Tuned on Cranfield (see matching/README.md); title weight matters for needs and outputs. */
export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.5, titleWeight: 2, bodyWeight: 1 };

/** Lucene-style BM25 idf: always positive, so every term's upper bound is positive too. */
export function idf(df: number, docCount: number): number {
  return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
}

/** Field term frequencies live packed in 16 bits: title count high byte, body count low. */
export function packTf(titleTf: number, bodyTf: number): number {
  return (Math.min(titleTf, 255) << 8) | Math.min(bodyTf, 255);
}

export function weightedTf(packed: number, p: Bm25Params): number {
  return p.titleWeight * (packed >>> 8) + p.bodyWeight * (packed & 255);
}

/** The BM25 term-frequency part: tf·(k1+1)/(tf + k1·(1 − b + b·dl/avgdl)). */
export function saturate(wtf: number, docLength: number, avgLength: number, p: Bm25Params): number {
  const norm = p.k1 * (1 - p.b + (p.b * docLength) / (avgLength > 0 ? avgLength : 1));
  return (wtf * (p.k1 + 1)) / (wtf + norm);
}
