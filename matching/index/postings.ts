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
  /** Upper bounds over the term's postings, for pruning: max weighted tf, min weighted length. */
  maxWtf: number[] = [];
  minDocLength: number[] = [];

  get termCount(): number {
    return this.df.length;
  }

  addTerm(): void {
    this.docs.push(new Uint32Array(2));
    this.tfs.push(new Uint16Array(2));
    this.length.push(0);
    this.df.push(0);
    this.dead.push(0);
    this.maxWtf.push(0);
    this.minDocLength.push(Infinity);
  }

  append(term: number, slot: number, packedTf: number, wtf: number, docLength: number): void {
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
    if (wtf > this.maxWtf[term]!) this.maxWtf[term] = wtf;
    if (docLength < this.minDocLength[term]!) this.minDocLength[term] = docLength;
  }

  /** Called after the slot has been marked dead. */
  release(term: number, alive: Uint8Array, wtfOf: (packed: number) => number, lengthOf: (slot: number) => number): void {
    this.df[term]!--;
    const dead = ++this.dead[term]!;
    if (dead * 2 > this.length[term]!) this.compact(term, alive, wtfOf, lengthOf);
  }

  /** Drops dead entries and tightens the term's bounds. */
  private compact(term: number, alive: Uint8Array, wtfOf: (packed: number) => number, lengthOf: (slot: number) => number): void {
    const docs = this.docs[term]!;
    const tfs = this.tfs[term]!;
    const n = this.length[term]!;
    let kept = 0;
    let maxWtf = 0;
    let minLength = Infinity;
    for (let i = 0; i < n; i++) {
      const slot = docs[i]!;
      if (alive[slot] !== 1) continue;
      docs[kept] = slot;
      tfs[kept] = tfs[i]!;
      kept++;
      maxWtf = Math.max(maxWtf, wtfOf(tfs[i]!));
      minLength = Math.min(minLength, lengthOf(slot));
    }
    const capacity = Math.max(2, kept);
    this.docs[term] = docs.slice(0, capacity);
    this.tfs[term] = tfs.slice(0, capacity);
    this.length[term] = kept;
    this.dead[term] = 0;
    this.maxWtf[term] = maxWtf;
    this.minDocLength[term] = minLength;
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
