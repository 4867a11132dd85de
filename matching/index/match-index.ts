// The incremental inverted index. Adding, updating or removing a document touches only that
// document's terms; collection statistics (live document count, total field lengths, document
// frequencies) are kept exact as integers, so scores after any edit sequence equal the scores
// of an index built from scratch on the final documents.
import { analyzeDoc, toTextDoc, type AnalyzedDoc, type TextDoc } from '../text/document';
import { SurfaceForms } from '../text/surface-forms';
import { DEFAULT_BM25, packTf, type Bm25Params } from './bm25';
import type { ScoringView } from './max-score';
import { growF64, growU8, PostingLists } from './postings';
import { searchIndex, type SearchHit, type SearchOptions } from './search';
import { canTriggerSynonyms, DEFAULT_EXPANSION, type ExpansionOptions } from './expansion';
import { cosine, mapVector, slotVector, textMatch, vectorOfAnalyzed, type TermVector, type TextMatch } from './similarity';

/**
 * A text weighted once with this index's statistics, for many textMatch calls (a need against
 * many candidate outputs). Valid until the index changes.
 */
export interface PreparedText {
  readonly prepared: TermVector;
}

type Comparable = TextDoc | string | { id: string } | PreparedText;

export interface MatchIndexOptions {
  bm25: Bm25Params;
  /** Index adjacent-pair terms too (off by default: no measured gain, see README). */
  phrases: boolean;
  /** Query weight of a phrase term relative to a single term. */
  phraseWeight: number;
  expansion: ExpansionOptions;
}

/** Constructor options: any subset, nested objects included. */
export interface MatchIndexInit {
  bm25?: Partial<Bm25Params>;
  phrases?: boolean;
  phraseWeight?: number;
  expansion?: Partial<ExpansionOptions>;
}

export interface StoredDoc {
  /** Term ids ascending. */
  terms: Uint32Array;
  /** Packed title/body counts, parallel to terms. */
  tfs: Uint16Array;
}

/**
 * Weighted vectors of indexed documents (synonym expansion included) are cached until the next
 * add or remove, which changes the statistics they depend on: matching many needs against the
 * same candidate outputs, as a full rescore does, then weighs each output once. Bounded.
 */
const SLOT_VECTOR_CACHE_SIZE = 120_000;

export class MatchIndex {
  private readonly slotVectors = new Map<number, TermVector>();
  readonly options: MatchIndexOptions;
  readonly surfaces = new SurfaceForms();
  readonly postings: PostingLists;
  private readonly termIds = new Map<string, number>();
  private readonly termNames: string[] = [];
  /** Per term id: 1 if the term can trigger a synonym group (saves lookups when explaining). */
  private readonly synonymTriggers: number[] = [];
  /** Per term id: 1 for phrase terms, which do not count towards document length. */
  private readonly phraseTerms: number[] = [];
  private readonly slotOf = new Map<string, number>();
  /** Per slot of a document bridged from another language: English term → source word. */
  private readonly slotBridges = new Map<number, Map<string, string>>();
  private ids: string[] = [];
  private stored: Array<StoredDoc | undefined> = [];
  private alive: Uint8Array = new Uint8Array(1024);
  private docLength: Float64Array = new Float64Array(1024);
  private scratch: Float64Array = new Float64Array(1024);
  private touched: Uint32Array = new Uint32Array(1024);
  private liveCount = 0;
  private titleTotal = 0;
  private bodyTotal = 0;

  constructor(options: MatchIndexInit = {}) {
    this.options = {
      bm25: { ...DEFAULT_BM25, ...options.bm25 },
      phrases: options.phrases ?? false,
      phraseWeight: options.phraseWeight ?? 0.25,
      expansion: { ...DEFAULT_EXPANSION, ...options.expansion },
    };
    this.postings = new PostingLists(this.options.bm25);
  }

  get size(): number {
    return this.liveCount;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  add(id: string, doc: TextDoc): void {
    if (this.slotOf.has(id)) throw new Error(`document ${id} is already indexed; use update()`);
    this.insert(id, this.analyze(doc));
  }

  /** Replaces a document (or adds it when absent). */
  update(id: string, doc: TextDoc): void {
    const analyzed = this.analyze(doc);
    this.remove(id);
    this.insert(id, analyzed);
  }

  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    const doc = this.stored[slot]!;
    this.slotOf.delete(id);
    this.alive[slot] = 0;
    this.stored[slot] = undefined;
    this.slotBridges.delete(slot);
    this.liveCount--;
    this.slotVectors.clear();
    let titleLength = 0;
    let bodyLength = 0;
    for (let i = 0; i < doc.terms.length; i++) {
      if (this.phraseTerms[doc.terms[i]!] === 0) {
        titleLength += doc.tfs[i]! >>> 8;
        bodyLength += doc.tfs[i]! & 255;
      }
      this.postings.release(doc.terms[i]!, this.alive);
    }
    this.titleTotal -= titleLength;
    this.bodyTotal -= bodyLength;
    return true;
  }

  search(query: TextDoc | string, options: SearchOptions): SearchHit[] {
    return searchIndex(this, this.analyze(toTextDoc(query), false), options);
  }

  /**
   * Symmetric 0–100 text similarity and shared terms of two documents, each given as text or
   * as the id of an indexed document (uses the index's current statistics).
   */
  textMatch(a: Comparable, b: Comparable): TextMatch {
    return textMatch(this, this.vectorOf(a), this.vectorOf(b));
  }

  /** textMatch(a, b).similarity (up to rounding), several times faster: no explanation is built. */
  similarity(a: Comparable, b: Comparable): number {
    return cosine(this.vectorOf(a), this.vectorOf(b));
  }

  /**
   * Analyses and weights a text once. Its words also feed the readable-word map, so explanations
   * show "bakery" rather than the stem "bakeri" when only the query used the word.
   */
  prepare(doc: TextDoc | string): PreparedText {
    const analyzed = this.analyze(toTextDoc(doc), true);
    return { prepared: mapVector(this, vectorOfAnalyzed(this, analyzed), analyzed.bridges) };
  }

  private vectorOf(doc: Comparable): TermVector {
    if (typeof doc === 'object' && 'prepared' in doc) return doc.prepared;
    if (typeof doc === 'object' && 'id' in doc) {
      const slot = this.slotOf.get(doc.id);
      if (slot === undefined) throw new Error(`document ${doc.id} is not indexed`);
      let vector = this.slotVectors.get(slot);
      if (!vector) {
        vector = slotVector(this, slot);
        if (this.slotVectors.size < SLOT_VECTOR_CACHE_SIZE) this.slotVectors.set(slot, vector);
      }
      return vector;
    }
    return this.prepare(doc).prepared;
  }

  /** Analyses text with this index's settings; `learnWords` feeds the readable-word map. */
  analyze(doc: TextDoc, learnWords = true): AnalyzedDoc {
    return analyzeDoc(doc, { phrases: this.options.phrases, surfaces: learnWords ? this.surfaces : undefined });
  }

  // ---- read access for the search, expansion and similarity helpers ----

  view(): ScoringView {
    const p = this.options.bm25;
    const total = p.titleWeight * this.titleTotal + p.bodyWeight * this.bodyTotal;
    return {
      postings: this.postings,
      alive: this.alive,
      docLength: this.docLength,
      ids: this.ids,
      avgLength: this.liveCount > 0 ? total / this.liveCount : 0,
      docCount: this.liveCount,
      params: p,
      scratch: this.scratch,
      touched: this.touched,
    };
  }

  termId(term: string): number | undefined {
    return this.termIds.get(term);
  }

  termName(id: number): string {
    return this.termNames[id]!;
  }

  canTriggerSynonyms(id: number): boolean {
    return this.synonymTriggers[id] === 1;
  }

  slotOfId(id: string): number | undefined {
    return this.slotOf.get(id);
  }

  storedDoc(slot: number): StoredDoc | undefined {
    return this.stored[slot];
  }

  bridgesOfSlot(slot: number): Map<string, string> | undefined {
    return this.slotBridges.get(slot);
  }

  lengthOfSlot(slot: number): number {
    return this.docLength[slot]!;
  }

  private insert(id: string, doc: AnalyzedDoc): void {
    const slot = this.ids.length;
    if (slot === this.alive.length) {
      this.alive = growU8(this.alive, slot * 2);
      this.docLength = growF64(this.docLength, slot * 2);
      this.scratch = new Float64Array(slot * 2);
      this.touched = new Uint32Array(slot * 2);
    }
    const p = this.options.bm25;
    // Term ids ascending keep stored vectors mergeable and postings appends in one pass.
    // Each (term id, packed tfs) pair is one exact double so a native typed-array sort does it.
    const keys = new Float64Array(doc.counts.size);
    let n = 0;
    // Bridged documents have fractional counts (a word's translations share it); postings
    // hold whole counts, so each translation present is stored at least once.
    for (const [term, counts] of doc.counts) {
      keys[n++] = this.internTerm(term) * 65536 + packTf(Math.ceil(counts.title), Math.ceil(counts.body));
    }
    keys.sort();
    const terms = new Uint32Array(n);
    const tfs = new Uint16Array(n);
    let titleLength = 0;
    let bodyLength = 0;
    for (let i = 0; i < n; i++) {
      const term = Math.floor(keys[i]! / 65536);
      const packed = keys[i]! - term * 65536;
      terms[i] = term;
      tfs[i] = packed;
      // Lengths are summed from the clamped counts so removal subtracts exactly what was
      // added; phrase terms are extra evidence, not extra words.
      if (this.phraseTerms[term] === 0) {
        titleLength += packed >>> 8;
        bodyLength += packed & 255;
      }
    }
    const clampedLength = p.titleWeight * titleLength + p.bodyWeight * bodyLength;
    this.ids.push(id);
    this.stored.push({ terms, tfs });
    if (doc.bridges && doc.bridges.size > 0) this.slotBridges.set(slot, doc.bridges);
    this.alive[slot] = 1;
    this.docLength[slot] = clampedLength;
    this.slotOf.set(id, slot);
    this.liveCount++;
    this.slotVectors.clear();
    this.titleTotal += titleLength;
    this.bodyTotal += bodyLength;
    const avgLength = this.view().avgLength;
    for (let i = 0; i < terms.length; i++) {
      this.postings.append(terms[i]!, slot, tfs[i]!, clampedLength, avgLength);
    }
  }

  private internTerm(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termNames.length;
      this.termIds.set(term, id);
      this.termNames.push(term);
      this.synonymTriggers.push(canTriggerSynonyms(term) ? 1 : 0);
      this.phraseTerms.push(term.includes(' ') ? 1 : 0);
      this.postings.addTerm();
    }
    return id;
  }
}
