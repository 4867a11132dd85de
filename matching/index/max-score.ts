// Top-k retrieval with MaxScore-style pruning in term-at-a-time form (Turtle & Flood 1995;
// Moffat & Zobel's quit/continue strategy). Terms are processed from the highest score upper
// bound down, accumulating scores in a dense array. After each term, if the summed bounds of
// the terms still to come fall below the current k-th best score, no document that has not
// been seen yet can reach the top k: the walk stops adding documents and, for the remaining
// (frequent, low-idf) terms, only probes the surviving candidates with galloping search
// instead of reading those long posting lists. The result equals exhaustive scoring.
import { idf, type Bm25Params } from './bm25';
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
  /** Scratch accumulators, one per slot, all zero between queries. */
  scratch: Float64Array;
  /** Scratch list of slots touched by a query, one entry per slot. */
  touched: Uint32Array;
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

// Bounds are inflated a hair so float rounding never makes a true score exceed its bound.
const BOUND_SLACK = 1 + 1e-9;
// Terms read between two computations of the k-th best score (see phase 1).
const KTH_BEST_EVERY = 3;

export function topK(view: ScoringView, query: readonly WeightedTerm[], k: number, options: TopKOptions = {}) {
  const { postings, alive, docLength, ids, avgLength, docCount, params, scratch: acc } = view;
  const terms = query
    .filter((q) => q.weight > 0 && q.term < postings.termCount && postings.df[q.term]! > 0)
    .map((q) => {
      const factor = q.weight * idf(postings.df[q.term]!, docCount);
      const bound = factor * postings.saturationBound(q.term, avgLength, docLength, alive) * BOUND_SLACK;
      return { term: q.term, factor, bound };
    })
    .sort((a, b) => b.bound - a.bound || a.term - b.term);
  if (terms.length === 0 || k <= 0) return [];
  const prune = options.prune !== false;
  const { k1, b, titleWeight: wt, bodyWeight: wb } = params;
  const k1b = k1 * b / (avgLength > 0 ? avgLength : 1);
  const k1nb = k1 * (1 - b);
  const admitted = makeAdmission(alive, ids, options.filter);
  let remaining = terms.reduce((sum, t) => sum + t.bound, 0);
  const touchedBuffer = view.touched;
  let touchedCount = 0;
  // The best accumulated score so far bounds the k-th best from above: while the remaining
  // bounds exceed it, the (costlier) k-th best need not be computed.
  let maxAcc = 0;
  let next = 0;

  // Phase 1: read whole lists, strongest terms first, until unseen documents cannot qualify.
  // The k-th best score only grows as lists are added, so an earlier value is a valid (lower)
  // threshold: it is recomputed every few terms only, since each computation scans every
  // document touched so far (long queries spent a third of their time here).
  let threshold = 0;
  let recomputeAt = 0;
  for (; next < terms.length; next++) {
    if (prune && remaining < maxAcc) {
      if (remaining < threshold) break;
      if (next >= recomputeAt) {
        threshold = kthBest(touchedBuffer.subarray(0, touchedCount), acc, k, admitted);
        recomputeAt = next + KTH_BEST_EVERY;
        if (remaining < threshold) break;
      }
    }
    const { term, factor } = terms[next]!;
    const docs = postings.docs[term]!;
    const tfs = postings.tfs[term]!;
    for (let i = 0, n = postings.length[term]!; i < n; i++) {
      const d = docs[i]!;
      const packed = tfs[i]!;
      const wtf = wt * (packed >>> 8) + wb * (packed & 255);
      const before = acc[d]!;
      if (before === 0) touchedBuffer[touchedCount++] = d;
      const after = before + (factor * wtf * (k1 + 1)) / (wtf + k1nb + k1b * docLength[d]!);
      acc[d] = after;
      if (after > maxAcc) maxAcc = after;
    }
    remaining = Math.max(0, remaining - terms[next]!.bound);
  }
  const touched = touchedBuffer.subarray(0, touchedCount);

  // Phase 2: only documents that can still reach the top k; probe the remaining lists.
  let candidates = selectCandidates(touched, acc, admitted, next < terms.length ? threshold - remaining : -1);
  if (next < terms.length) {
    candidates.sort();
    for (; next < terms.length; next++) {
      const { term, factor } = terms[next]!;
      const docs = postings.docs[term]!;
      const tfs = postings.tfs[term]!;
      const n = postings.length[term]!;
      let p = 0;
      for (const d of candidates) {
        p = advance(docs, p, n, d);
        if (p >= n) break;
        if (docs[p] !== d) continue;
        const packed = tfs[p]!;
        const wtf = wt * (packed >>> 8) + wb * (packed & 255);
        acc[d]! += (factor * wtf * (k1 + 1)) / (wtf + k1nb + k1b * docLength[d]!);
      }
      // Clamped: float residue must not turn "nothing remains" into a negative allowance.
      remaining = Math.max(0, remaining - terms[next]!.bound);
      if (next + 1 < terms.length) {
        threshold = kthBest(candidates, acc, k, admitted);
        candidates = selectCandidates(candidates, acc, admitted, threshold - remaining);
      }
    }
  }

  const heap = new TopKHeap(k, (slot) => ids[slot]!);
  for (const d of candidates) if (heap.admits(d, acc[d]!)) heap.push(d, acc[d]!);
  for (const d of touched) acc[d] = 0;
  return heap.sorted();
}

/** Admitted slots whose accumulated score is at least `minimum`, in their input order. */
function selectCandidates(slots: Uint32Array, acc: Float64Array, admitted: (slot: number) => boolean, minimum: number): Uint32Array {
  const out = new Uint32Array(slots.length);
  let n = 0;
  for (const d of slots) if (acc[d]! >= minimum && admitted(d)) out[n++] = d;
  return out.subarray(0, n);
}

/** Alive and passing the caller's filter; the filter is asked at most once per document. */
function makeAdmission(alive: Uint8Array, ids: readonly string[], filter?: (id: string) => boolean) {
  if (!filter) return (slot: number) => alive[slot] === 1;
  const verdicts = new Map<number, boolean>();
  return (slot: number) => {
    if (alive[slot] !== 1) return false;
    let ok = verdicts.get(slot);
    if (ok === undefined) verdicts.set(slot, (ok = filter(ids[slot]!)));
    return ok;
  };
}

/** The k-th best accumulated score among admitted documents (0 if fewer than k). */
function kthBest(slots: ArrayLike<number> & Iterable<number>, acc: Float64Array, k: number, admitted: (slot: number) => boolean): number {
  if (slots.length < k) return 0;
  const heap = new Float64Array(k);
  let size = 0;
  for (const d of slots) {
    const s = acc[d]!;
    if (size === k && s <= heap[0]!) continue;
    if (!admitted(d)) continue;
    if (size < k) {
      heap[size++] = s;
      if (size === k) heapify(heap);
    } else {
      heap[0] = s;
      siftDown(heap, 0, k);
    }
  }
  return size < k ? 0 : heap[0]!;
}

function heapify(heap: Float64Array): void {
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(heap, i, heap.length);
}

function siftDown(heap: Float64Array, i: number, n: number): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < n && heap[l]! < heap[m]!) m = l;
    if (r < n && heap[r]! < heap[m]!) m = r;
    if (m === i) return;
    const t = heap[i]!;
    heap[i] = heap[m]!;
    heap[m] = t;
    i = m;
  }
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
