// Display similarity: cosine between the two documents' BM25-weighted term vectors
// (weight = idf · saturated field-weighted tf, with the index's current statistics), ×100.
// Cosine is symmetric and bounded, so 0–100 values are comparable across pairs, unlike raw
// BM25 scores, which grow with query length. With synonyms on, both vectors gain their synonym
// terms the same way, so symmetry holds. Each shared term's part of the cosine is its
// contribution: the contributions of an explanation add up to the similarity.
import type { AnalyzedDoc } from '../text/document';
import { idf, saturate, weightedTf } from './bm25';
import { synonymAdditions, type ExpandedWeight } from './expansion';
import type { MatchIndex } from './match-index';

export interface SharedTerm {
  /** Internal term (a stem). */
  term: string;
  /** Readable word for people: the most frequent surface form of the stem. */
  word: string;
  /** Similarity points (0–100 scale) this term contributes. */
  contribution: number;
  /** Set when the term matched through a synonym of this word. */
  via?: string;
  /**
   * For a synonym match: which compared text holds the trigger (`via`) in its own words ('a' is
   * the first argument of textMatch), and the stems of both group members, so evidence can be
   * located as written in each text (see matching/evidence.ts).
   */
  synonym?: { viaSide: 'a' | 'b'; via: readonly string[]; member: readonly string[] };
  /**
   * For a term reached by translation: the source word as written in the text that was bridged to
   * English, per side ('a' is the first argument of textMatch); a side in English has none.
   */
  bridges?: { a?: string | undefined; b?: string | undefined };
}

export interface TextMatch {
  similarity: number;
  sharedTerms: SharedTerm[];
}

/** A weighted term vector, read-only. */
export interface TermVector {
  get(term: string): ExpandedWeight | undefined;
  entries(): Iterable<[string, ExpandedWeight]>;
  readonly size: number;
  readonly normSquared: number;
}

/** Weights of a text that is not (or not necessarily) in the index; unseen terms have df 0. */
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

/** A plain map as a vector, with the index's synonym setting applied. */
export function mapVector(index: MatchIndex, weights: Map<string, number>, bridges?: Map<string, string>): TermVector {
  const all = new Map<string, ExpandedWeight>();
  for (const [term, weight] of weights) {
    const bridge = bridges?.get(term);
    all.set(term, bridge === undefined ? { weight } : { weight, bridge });
  }
  const { synonyms, synonymWeight } = index.options.expansion;
  if (synonyms) for (const [t, e] of synonymAdditions(weights.keys(), (x) => weights.get(x), synonymWeight)) all.set(t, e);
  let normSquared = 0;
  for (const { weight } of all.values()) normSquared += weight * weight;
  return { get: (t) => all.get(t), entries: () => all.entries(), size: all.size, normSquared };
}

/** An indexed document as a vector, read straight from its stored term ids (no copying). */
export function slotVector(index: MatchIndex, slot: number): TermVector {
  const stored = index.storedDoc(slot);
  const terms = stored?.terms ?? new Uint32Array(0);
  const tfs = stored?.tfs ?? new Uint16Array(0);
  const { postings, avgLength, docCount, params } = index.view();
  const length = index.lengthOfSlot(slot);
  const weights = new Float64Array(terms.length);
  let normSquared = 0;
  for (let i = 0; i < terms.length; i++) {
    const w = idf(postings.df[terms[i]!]!, docCount) * saturate(weightedTf(tfs[i]!, params), length, avgLength, params);
    weights[i] = w;
    normSquared += w * w;
  }
  const position = (term: string) => {
    const id = index.termId(term);
    return id === undefined ? -1 : binarySearch(terms, id);
  };
  const own = (term: string) => {
    const i = position(term);
    return i < 0 ? undefined : weights[i]!;
  };
  const { synonyms, synonymWeight } = index.options.expansion;
  const triggers = () => {
    const names: string[] = [];
    for (const id of terms) if (index.canTriggerSynonyms(id)) names.push(index.termName(id));
    return names;
  };
  const added = synonyms ? synonymAdditions(triggers(), own, synonymWeight) : new Map<string, ExpandedWeight>();
  const bridges = index.bridgesOfSlot(slot);
  const ownEntry = (term: string, weight: number): ExpandedWeight => {
    const bridge = bridges?.get(term);
    return bridge === undefined ? { weight } : { weight, bridge };
  };
  for (const { weight } of added.values()) normSquared += weight * weight;
  return {
    get: (term) => {
      const w = own(term);
      return w === undefined ? added.get(term) : ownEntry(term, w);
    },
    *entries() {
      for (let i = 0; i < terms.length; i++) {
        const term = index.termName(terms[i]!);
        yield [term, ownEntry(term, weights[i]!)];
      }
      yield* added.entries();
    },
    size: terms.length + added.size,
    normSquared,
  };
}

/**
 * The similarity alone (what textMatch's contributions add up to), without building the
 * explanation: ranking many candidates needs only this, and only the kept pairs are explained.
 */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  let smallAddedBoth = 0;
  let largeAddedBoth = 0;
  for (const [term, x] of small.entries()) {
    const y = large.get(term);
    if (y === undefined) continue;
    if (x.via !== undefined && y.via !== undefined) {
      smallAddedBoth += x.weight * x.weight;
      largeAddedBoth += y.weight * y.weight;
    } else if (counts(x, y, small, large)) dot += x.weight * y.weight;
  }
  const norm = pairNorm(small, smallAddedBoth, large, largeAddedBoth);
  return norm === 0 ? 0 : Math.min(100, (100 * dot) / norm);
}

/**
 * The product of both norms without the terms both texts gained only by expansion: those are
 * neither common ground (see `counts`) nor a difference, and leaving them in kept two identical
 * texts below 100.
 */
function pairNorm(a: TermVector, aAddedBoth: number, b: TermVector, bAddedBoth: number): number {
  return Math.sqrt(Math.max(0, a.normSquared - aAddedBoth)) * Math.sqrt(Math.max(0, b.normSquared - bAddedBoth));
}

/**
 * Whether a term both vectors hold, at most one of them by expansion, is real common ground: an
 * added term of a multi-word member counts only when the other text has the whole member in its
 * own words. (Two additions meeting, "dough" added to two texts that both say "bread", never
 * count: they share "bread" already, and counting the group's other members again made every
 * bread text look alike.)
 */
function counts(x: ExpandedWeight, y: ExpandedWeight, xVector: TermVector, yVector: TermVector): boolean {
  const [added, other] = x.via !== undefined ? [x, yVector] : y.via !== undefined ? [y, xVector] : [undefined, undefined];
  if (!added?.member || added.member.length === 1) return true;
  return added.member.every((term) => {
    const own = other!.get(term);
    return own !== undefined && own.via === undefined;
  });
}

export function textMatch(index: MatchIndex, a: TermVector, b: TermVector, maxTerms = 8): TextMatch {
  const aIsSmall = a.size <= b.size;
  const [small, large] = aIsSmall ? [a, b] : [b, a];
  const common: Array<[string, ExpandedWeight, ExpandedWeight]> = [];
  let smallAddedBoth = 0;
  let largeAddedBoth = 0;
  for (const [term, x] of small.entries()) {
    const y = large.get(term);
    if (y === undefined) continue;
    if (x.via !== undefined && y.via !== undefined) {
      smallAddedBoth += x.weight * x.weight;
      largeAddedBoth += y.weight * y.weight;
    } else if (counts(x, y, small, large)) common.push([term, x, y]);
  }
  const norm = pairNorm(small, smallAddedBoth, large, largeAddedBoth);
  if (norm === 0) return { similarity: 0, sharedTerms: [] };
  const shared: SharedTerm[] = [];
  for (const [term, x, y] of common) {
    const contribution = (100 * x.weight * y.weight) / norm;
    // A translated term carries, per side, the source word as written ("Roggenbrot" for "bread").
    const [aEntry, bEntry] = aIsSmall ? [x, y] : [y, x];
    const bridges = aEntry.bridge !== undefined || bEntry.bridge !== undefined ? { a: aEntry.bridge, b: bEntry.bridge } : undefined;
    const translated = bridges ? { bridges, via: (aEntry.bridge ?? bEntry.bridge)! } : {};
    const added = x.via !== undefined ? x : y.via !== undefined ? y : undefined;
    if (!added) {
      shared.push({ term, word: index.surfaces.readable(term), contribution, ...translated });
      continue;
    }
    const viaStems = added.via!.split(' ');
    const via = viaStems.map((stem) => index.surfaces.readable(stem)).join(' ');
    const viaSide = (added === x) === aIsSmall ? 'a' : 'b';
    const synonym = { viaSide, via: viaStems, member: added.member ?? [term] } as const;
    shared.push({ term, word: index.surfaces.readable(term), contribution, via, synonym, ...(bridges ? { bridges } : {}) });
  }
  shared.sort((p, q) => q.contribution - p.contribution || (p.term < q.term ? -1 : 1));
  const similarity = Math.min(100, shared.reduce((sum, t) => sum + t.contribution, 0));
  return { similarity, sharedTerms: shared.slice(0, maxTerms) };
}

function binarySearch(sorted: Uint32Array, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const v = sorted[mid]!;
    if (v === value) return mid;
    if (v < value) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
