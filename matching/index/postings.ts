import { saturate, type Bm25Params } from './bm25';

// Postings per term in growable typed arrays (doc slot + packed field tfs: 6 bytes a posting).
// Removal marks a document dead; a term's list is compacted only when more than half of it is
// dead, so one removal costs O(terms in the document) amortised and never rebuilds the index.

export class PostingLists {
  docs: Uint32Array[] = [];
  tfs: Uint16Array[] = [];
  /** Entries used in docs/tfs, dead ones included. */
  length: number[] = [];
  /** Live document frequency: exact at all times. */
  df: number[] = [];
  dead: number[] = [];
  /**
   * Pruning bound: the largest saturated tf in the list, computed at average length boundAvg.
   * Saturation grows with the average length, so the bound holds for any average ≤ boundAvg;
   * it is computed with 10% headroom and refreshed only when the average outgrows it.
   */
  boundSat: number[] = [];
  boundAvg: number[] = [];

  constructor(private readonly params: Bm25Params) {}

  get termCount(): number {
    return this.df.length;
  }

  addTerm(): void {
    this.docs.push(new Uint32Array(2));
    this.tfs.push(new Uint16Array(2));
    this.length.push(0);
    this.df.push(0);
    this.dead.push(0);
    this.boundSat.push(0);
    this.boundAvg.push(0);
  }

  /** Largest saturated tf of the term at this average length (a valid upper bound). */
  saturationBound(term: number, avgLength: number, docLength: Float64Array, alive: Uint8Array): number {
    if (avgLength <= this.boundAvg[term]!) return this.boundSat[term]!;
    const boundAvg = avgLength * 1.1;
    const docs = this.docs[term]!;
    const tfs = this.tfs[term]!;
    const p = this.params;
    let bound = 0;
    for (let i = 0, n = this.length[term]!; i < n; i++) {
      const slot = docs[i]!;
      if (alive[slot] !== 1) continue;
      const packed = tfs[i]!;
      const sat = saturate(p.titleWeight * (packed >>> 8) + p.bodyWeight * (packed & 255), docLength[slot]!, boundAvg, p);
      if (sat > bound) bound = sat;
    }
    this.boundSat[term] = bound;
    this.boundAvg[term] = boundAvg;
    return bound;
  }

  /** `avgLength` is the collection's current average, used to seed a new term's bound. */
  append(term: number, slot: number, packedTf: number, docLength: number, avgLength: number): void {
    const n = this.length[term]!;
    let docs = this.docs[term]!;
    if (n === docs.length) {
      const capacity = n < 1024 ? n * 2 : Math.ceil(n * 1.5);
      docs = growU32(docs, capacity);
      this.docs[term] = docs;
      this.tfs[term] = growU16(this.tfs[term]!, capacity);
    }
    docs[n] = slot;
    this.tfs[term]![n] = packedTf;
    this.length[term] = n + 1;
    this.df[term]!++;
    // Keep the bound current on every append so queries never need to scan a list for it.
    let boundAvg = this.boundAvg[term]!;
    if (boundAvg === 0 && n === this.dead[term]!) {
      boundAvg = (avgLength > 0 ? avgLength : docLength) * 1.1;
      this.boundAvg[term] = boundAvg;
      this.boundSat[term] = 0;
    }
    if (boundAvg > 0) {
      const wtf = this.params.titleWeight * (packedTf >>> 8) + this.params.bodyWeight * (packedTf & 255);
      const sat = saturate(wtf, docLength, boundAvg, this.params);
      if (sat > this.boundSat[term]!) this.boundSat[term] = sat;
    }
  }

  /** Called after the slot has been marked dead. */
  release(term: number, alive: Uint8Array): void {
    this.df[term]!--;
    const dead = ++this.dead[term]!;
    if (dead * 2 > this.length[term]!) this.compact(term, alive);
  }

  /** Drops dead entries; the pruning bound is recomputed at the next query. */
  private compact(term: number, alive: Uint8Array): void {
    const docs = this.docs[term]!;
    const tfs = this.tfs[term]!;
    const n = this.length[term]!;
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const slot = docs[i]!;
      if (alive[slot] !== 1) continue;
      docs[kept] = slot;
      tfs[kept] = tfs[i]!;
      kept++;
    }
    const capacity = Math.max(2, kept);
    this.docs[term] = docs.slice(0, capacity);
    this.tfs[term] = tfs.slice(0, capacity);
    this.length[term] = kept;
    this.dead[term] = 0;
    this.boundAvg[term] = 0;
  }
}

export function growU32(array: Uint32Array, capacity: number): Uint32Array {
  const grown = new Uint32Array(capacity);
  grown.set(array);
  return grown;
}

export function growU16(array: Uint16Array, capacity: number): Uint16Array {
  const grown = new Uint16Array(capacity);
  grown.set(array);
  return grown;
}

export function growU8(array: Uint8Array, capacity: number): Uint8Array {
  const grown = new Uint8Array(capacity);
  grown.set(array);
  return grown;
}

export function growF64(array: Float64Array, capacity: number): Float64Array {
  const grown = new Float64Array(capacity);
  grown.set(array);
  return grown;
}
