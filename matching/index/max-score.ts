// Document-at-a-time top-k with MaxScore pruning (Turtle & Flood 1995). Query terms are sorted
// by their score upper bound; once the k-th best score exceeds the summed bounds of the weakest
// terms, those terms become "non-essential": a document that only they contain cannot enter
// the top k, so their postings are no longer walked, only probed (galloping search) for
// candidates that the essential terms produce. Rare, informative terms drive the walk.
import { idf, saturate, type Bm25Params } from './bm25';
import type { PostingLists } from './postings';
import { TopKHeap } from './top-k-heap';

export interface ScoringView {
  postings: PostingLists;
  alive: Uint8Array;
  docLength: Float64Array;
  ids: readonly string[];
  avgLength: number;
  docCount: number;
  params: Bm25Params;
}

export interface WeightedTerm {
  term: number;
  /** Query-side weight (weighted query tf, or an expansion weight). */
  weight: number;
}

export interface TopKOptions {
  filter?: (id: string) => boolean;
  /** false scores every matching document (reference for tests and benchmarks). */
  prune?: boolean;
}

// Bounds are inflated a hair so float rounding in a different summation order never makes
// a true score exceed its bound.
const BOUND_SLACK = 1 + 1e-9;

export function topK(view: ScoringView, query: readonly WeightedTerm[], k: number, options: TopKOptions = {}) {
  const { postings, alive, docLength, ids, avgLength, docCount, params } = view;
  const prune = options.prune !== false;
  const terms = query
    .filter((q) => q.weight > 0 && q.term < postings.termCount && postings.df[q.term]! > 0)
    .map((q) => {
      const factor = q.weight * idf(postings.df[q.term]!, docCount);
      const bound = factor * saturate(postings.maxWtf[q.term]!, postings.minDocLength[q.term]!, avgLength, params);
      return { term: q.term, factor, bound: bound * BOUND_SLACK };
    })
    .sort((a, b) => a.bound - b.bound);
  const n = terms.length;
  const heap = new TopKHeap(Math.max(1, k), (slot) => ids[slot]!);
  if (n === 0 || k <= 0) return [];

  const docs = terms.map((t) => postings.docs[t.term]!);
  const tfs = terms.map((t) => postings.tfs[t.term]!);
  const lengths = terms.map((t) => postings.length[t.term]!);
  const factors = terms.map((t) => t.factor);
  const pos = new Array<number>(n).fill(0);
  // cumulative[i] = sum of bounds of terms 0..i
  const cumulative: number[] = [];
  terms.reduce((sum, t, i) => (cumulative[i] = sum + t.bound), 0);
  const { k1, b, titleWeight, bodyWeight } = params;
  const avg = avgLength > 0 ? avgLength : 1;
  let firstEssential = 0;

  for (;;) {
    let candidate = 0xffffffff;
    for (let i = firstEssential; i < n; i++) {
      if (pos[i]! < lengths[i]!) {
        const d = docs[i]![pos[i]!]!;
        if (d < candidate) candidate = d;
      }
    }
    if (candidate === 0xffffffff) break;
    const norm = k1 * (1 - b + (b * docLength[candidate]!) / avg);
    let score = 0;
    for (let i = firstEssential; i < n; i++) {
      const p = pos[i]!;
      if (p < lengths[i]! && docs[i]![p] === candidate) {
        const packed = tfs[i]![p]!;
        const wtf = titleWeight * (packed >>> 8) + bodyWeight * (packed & 255);
        score += (factors[i]! * wtf * (k1 + 1)) / (wtf + norm);
        pos[i] = p + 1;
      }
    }
    if (alive[candidate] !== 1) continue;
    const threshold = heap.threshold;
    for (let i = firstEssential - 1; i >= 0; i--) {
      if (prune && heap.full && score + cumulative[i]! < threshold) break;
      const list = docs[i]!;
      const p = advance(list, pos[i]!, lengths[i]!, candidate);
      pos[i] = p;
      if (p < lengths[i]! && list[p] === candidate) {
        const packed = tfs[i]![p]!;
        const wtf = titleWeight * (packed >>> 8) + bodyWeight * (packed & 255);
        score += (factors[i]! * wtf * (k1 + 1)) / (wtf + norm);
      }
    }
    if (!heap.admits(candidate, score)) continue;
    if (options.filter && !options.filter(ids[candidate]!)) continue;
    heap.push(candidate, score);
    if (prune && heap.full) {
      const theta = heap.threshold;
      while (firstEssential < n && cumulative[firstEssential]! < theta) firstEssential++;
    }
  }
  return heap.sorted();
}

/** First index ≥ from whose slot is ≥ target: galloping, then binary search. */
function advance(list: Uint32Array, from: number, length: number, target: number): number {
  if (from >= length || list[from]! >= target) return from;
  let step = 1;
  let low = from;
  let high = from + 1;
  while (high < length && list[high]! < target) {
    low = high;
    step *= 2;
    high = from + step;
  }
  if (high > length) high = length;
  while (low + 1 < high) {
    const mid = (low + high) >>> 1;
    if (list[mid]! < target) low = mid;
    else high = mid;
  }
  return high;
}
